namespace InferenceHost.Abstractions.Models;

/// <summary>Where one version of a model stands on this silo.</summary>
/// <param name="Model">Model name.</param>
/// <param name="Version">Version id (the repository folder name).</param>
/// <param name="State">Lifecycle state.</param>
/// <param name="Reason">Why it is not ready (empty when ready).</param>
[GenerateSerializer, Immutable, Alias("InferenceHost.ModelVersionStatus")]
public sealed record ModelVersionStatus(
    [property: Id(0)] string Model,
    [property: Id(1)] string Version,
    [property: Id(2)] ModelVersionState State,
    [property: Id(3)] string Reason)
{
    /// <summary>Where a ready version runs on this silo, <c>cpu</c> or <c>gpu</c>; null when it is not ready.</summary>
    [Id(4)]
    public string? Device { get; init; }
}

using InferenceHost.Abstractions.Models;

namespace InferenceHost.Abstractions.Repository;

/// <summary>Where one version stands on one active silo.</summary>
/// <param name="Silo">The silo, as <c>host:port@generation</c>.</param>
/// <param name="State">Its state there; null when the silo does not hold the version (or has not reported yet).</param>
/// <param name="Reason">Why it is not ready there; empty when ready.</param>
[GenerateSerializer, Immutable, Alias("InferenceHost.SiloVersionStatus")]
public sealed record SiloVersionStatus(
    [property: Id(0)] string Silo,
    [property: Id(1)] ModelVersionState? State,
    [property: Id(2)] string Reason)
{
    /// <summary>Where it runs there when ready, <c>cpu</c> or <c>gpu</c>; else null.</summary>
    [Id(3)]
    public string? Device { get; init; }
}

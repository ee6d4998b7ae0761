using InferenceHost.Abstractions.Models;

namespace InferenceHost.Abstractions.Repository;

/// <summary>Where one version stands across the cluster: its state on every active silo.</summary>
/// <param name="Model">Model name.</param>
/// <param name="Version">Version id.</param>
/// <param name="Silos">One entry per active silo, in silo order.</param>
[GenerateSerializer, Immutable, Alias("InferenceHost.VersionStatus")]
public sealed record VersionStatus(
    [property: Id(0)] string Model,
    [property: Id(1)] string Version,
    [property: Id(2)] IReadOnlyList<SiloVersionStatus> Silos)
{
    /// <summary>True when the version is ready on every active silo, so it may take traffic.</summary>
    public bool IsReadyEverywhere => Silos.Count > 0 && Silos.All(static s => s.State == ModelVersionState.Ready);

    /// <summary>True when no active silo holds the version in any state.</summary>
    public bool IsAbsentEverywhere => Silos.All(static s => s.State is null);

    /// <summary>The silos where it is not ready.</summary>
    public IEnumerable<SiloVersionStatus> NotReady => Silos.Where(static s => s.State != ModelVersionState.Ready);
}

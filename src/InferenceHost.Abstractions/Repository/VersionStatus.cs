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

    /// <summary>
    /// True when the version may take traffic: ready on at least one active silo, and settled on every other (none still
    /// loading or yet to report). A silo where it is unavailable (a GPU-only model on a CPU node, a file that failed
    /// there) or absent forwards its requests to one where it is ready.
    /// </summary>
    public bool IsServable =>
        Silos.Any(static s => s.State == ModelVersionState.Ready)
        && Silos.All(static s => s.State != ModelVersionState.Loading && !(s.State is null && s.Reason == NotReportedReason));

    /// <summary>The reason given for a silo that has not reported its versions yet.</summary>
    public const string NotReportedReason = "the silo has not reported its versions yet";

    /// <summary>True when no active silo holds the version in any state.</summary>
    public bool IsAbsentEverywhere => Silos.All(static s => s.State is null);

    /// <summary>The silos where it is not ready.</summary>
    public IEnumerable<SiloVersionStatus> NotReady => Silos.Where(static s => s.State != ModelVersionState.Ready);
}

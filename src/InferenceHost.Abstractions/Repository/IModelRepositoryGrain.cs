using InferenceHost.Abstractions.Models;
namespace InferenceHost.Abstractions.Repository;

/// <summary>
/// The cluster's view of the model repository (key <see cref="DefaultKey"/>): which silo holds which
/// version in which state (silos report on every change of their catalog), and the channel that tells
/// every silo to load or unload a version after an upload or a deletion. Its state is rebuilt from the
/// silos' reports, so it needs no storage.
/// </summary>
[Alias("InferenceHost.IModelRepositoryGrain")]
public interface IModelRepositoryGrain : IGrainWithStringKey
{
    public const string DefaultKey = "default";

    /// <summary>Sends every future <see cref="RepositoryChange"/> to <paramref name="observer"/>, this silo's; call again to stay subscribed.</summary>
    [Alias("Subscribe")]
    Task Subscribe(SiloAddress silo, IRepositoryObserver observer);

    /// <summary>Records what a silo holds; a report older than the one kept (lower revision) is ignored.</summary>
    [Alias("Report")]
    Task Report(SiloVersionsReport report);

    /// <summary>Tells every subscribed silo that a version was added or removed (one-way: silos then report).</summary>
    [Alias("Announce")]
    Task Announce(RepositoryChange change);

    /// <summary>Where each version stands on every active silo (Orleans' membership says which are active).</summary>
    [Alias("GetVersions")]
    Task<IReadOnlyList<VersionStatus>> GetVersions(string model, IReadOnlyList<string> versions);

    /// <summary>Every active silo with its accelerator and the state and device of each version it holds, in silo order.</summary>
    [Alias("GetInventory")]
    Task<IReadOnlyList<SiloInventory>> GetInventory();

    /// <summary>Every ready version on every silo that reported one (<see cref="ModelVersionInfo.ServedBy"/> names the silo).</summary>
    [Alias("GetPlacement")]
    Task<IReadOnlyList<ModelVersionInfo>> GetPlacement();
}

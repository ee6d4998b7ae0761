using InferenceHost.Abstractions.Models;
using Orleans.Concurrency;

namespace InferenceHost.Abstractions.Repository;

/// <summary>A silo's subscription to repository changes (the push half of push + periodic rescan).</summary>
[Alias("InferenceHost.IRepositoryObserver")]
public interface IRepositoryObserver : IGrainObserver
{
    /// <summary>A version was added to or removed from the shared repository: load or unload it.</summary>
    [OneWay, Alias("OnRepositoryChanged")]
    Task OnRepositoryChanged(RepositoryChange change);

    /// <summary>Where versions are ready changed somewhere in the cluster: <paramref name="ready"/> is the whole new picture.</summary>
    [OneWay, Alias("OnPlacementChanged")]
    Task OnPlacementChanged(IReadOnlyList<ModelVersionInfo> ready);
}

using InferenceHost.Abstractions.Inference;
using Orleans.Runtime.Placement;

namespace InferenceHost.Grains.Placement;

/// <summary>
/// Puts a <see cref="IForwardedReplicaGrain"/> activation on the silo its key names. When that silo has left the
/// cluster the activation goes to the caller's silo instead, whose replica then answers that it cannot serve the
/// version: a clear Unavailable rather than a request lost in placement.
/// </summary>
public sealed class KeyedSiloPlacementDirector : IPlacementDirector
{
    public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        var named = ForwardedReplicaKey.SiloOf(target.GrainIdentity.Key.ToString()!);
        var compatible = context.GetCompatibleSilos(target);
        return Task.FromResult(Array.IndexOf(compatible, named) >= 0 ? named : context.LocalSilo);
    }
}

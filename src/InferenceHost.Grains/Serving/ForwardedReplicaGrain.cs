using InferenceHost.Abstractions.Inference;
using InferenceHost.Grains.Placement;
using Orleans.Concurrency;

namespace InferenceHost.Grains.Serving;

/// <summary>
/// The door into one silo's replicas for requests another silo forwards: activated on the silo its key names, it
/// passes each request to that silo's stateless <see cref="IModelReplicaGrain"/> workers, where the work runs.
/// </summary>
/// <remarks>Reentrant: it only waits on the workers, so one activation carries any number of forwarded requests at once.</remarks>
[KeyedSiloPlacement]
[Reentrant]
public sealed class ForwardedReplicaGrain : Grain, IForwardedReplicaGrain
{
    private readonly IModelReplicaGrain _replica;

    public ForwardedReplicaGrain(IGrainFactory grains)
    {
        _replica = grains.GetGrain<IModelReplicaGrain>(ForwardedReplicaKey.ReplicaOf(this.GetPrimaryKeyString()));
    }

    public ValueTask<InferenceResponse> Infer(InferenceRequest request) => _replica.Infer(request);
}

using InferenceHost.Abstractions.Inference;
using Orleans.Concurrency;

namespace InferenceHost.Grains.Serving;

/// <summary>
/// This silo's replicas (<see cref="SiloReplicas"/>) for callers on other silos and cluster clients: a stateless worker
/// is always activated where it is called, so the work runs on the silo the call reached. This silo's own endpoints
/// call <see cref="ILocalReplicas"/> directly, without a grain call.
/// </summary>
/// <remarks>
/// Reentrant: it keeps no state between requests, and with dynamic batching a request awaits its batch. Without
/// reentrancy each activation (about one per core) would hold one request at a time, so a batch could never
/// gather more than a couple of rows.
/// </remarks>
[StatelessWorker]
[Reentrant]
public sealed class ModelReplicaGrain : Grain, IModelReplicaGrain
{
    private readonly ILocalReplicas _replicas;
    private readonly string _model;
    private readonly string _version;

    public ModelReplicaGrain(ILocalReplicas replicas)
    {
        _replicas = replicas;
        (_model, _version) = ModelReplicaKey.Parse(this.GetPrimaryKeyString());
    }

    public ValueTask<InferenceResponse> Infer(InferenceRequest request) => _replicas.Infer(_model, _version, request);
}

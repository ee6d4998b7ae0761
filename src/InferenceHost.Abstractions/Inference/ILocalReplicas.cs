namespace InferenceHost.Abstractions.Inference;

/// <summary>
/// This silo's replicas, called in process: how the hot path reaches a version this silo serves, with no grain
/// call per request. <see cref="IModelReplicaGrain"/> fronts the same replicas for callers on other silos.
/// </summary>
public interface ILocalReplicas
{
    /// <summary>Validates the request against the version's signature and runs it here (batched when the model batches).</summary>
    /// <exception cref="InferenceException">Unknown version (NotFound), not ready (Unavailable), invalid input, a full queue (Overloaded) or a model failure.</exception>
    ValueTask<InferenceResponse> Infer(string model, string version, InferenceRequest request);
}

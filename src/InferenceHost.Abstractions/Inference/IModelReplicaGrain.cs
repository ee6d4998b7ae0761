namespace InferenceHost.Abstractions.Inference;

/// <summary>
/// Runs inference for one model version on the calling silo. Keyed <c>model/version</c>;
/// a stateless worker, so every silo serves its own traffic from its own loaded sessions.
/// </summary>
[Alias("InferenceHost.IModelReplicaGrain")]
public interface IModelReplicaGrain : IGrainWithStringKey
{
    /// <summary>Validates the request against the version's signature and runs it.</summary>
    /// <exception cref="InferenceException">Unknown version, invalid input or a model failure.</exception>
    [Alias("Infer")]
    ValueTask<InferenceResponse> Infer(InferenceRequest request);
}

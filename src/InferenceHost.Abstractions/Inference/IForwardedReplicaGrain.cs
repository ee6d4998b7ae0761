namespace InferenceHost.Abstractions.Inference;

/// <summary>
/// Runs inference for one model version on one named silo, for silos that cannot serve that version themselves
/// (a GPU-only model on a CPU node, a version that failed to load there). Keyed <see cref="ForwardedReplicaKey"/>;
/// activated on the silo the key names, where it hands the request to that silo's own <see cref="IModelReplicaGrain"/>.
/// </summary>
[Alias("InferenceHost.IForwardedReplicaGrain")]
public interface IForwardedReplicaGrain : IGrainWithStringKey
{
    /// <summary>As <see cref="IModelReplicaGrain.Infer"/>, on the silo the key names.</summary>
    /// <exception cref="InferenceException">Unknown version, invalid input, a model failure, or the silo no longer serves it (Unavailable).</exception>
    [Alias("Infer")]
    ValueTask<InferenceResponse> Infer(InferenceRequest request);
}

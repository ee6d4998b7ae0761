using InferenceHost.Abstractions.Inference;
using InferenceHost.Abstractions.Models;

namespace InferenceHost.Api;

/// <summary>
/// The one way both protocols reach a model: resolves the version on this silo
/// (no grain call) and hands the request to the local replica activation.
/// </summary>
public sealed class InferenceDispatcher(IModelDirectory directory, IGrainFactory grains)
{
    /// <summary>The ready version that will serve: <paramref name="version"/>, or the default one when null.</summary>
    /// <exception cref="InferenceException">Unknown model or version (NotFound), or not ready (Unavailable).</exception>
    public ModelVersionInfo Resolve(string model, string? version) => directory.Resolve(model, version);

    /// <summary>Runs <paramref name="request"/> on a version <see cref="Resolve"/> returned.</summary>
    /// <exception cref="InferenceException">Invalid input, or a model failure.</exception>
    public ValueTask<InferenceResponse> InferAsync(ModelVersionInfo target, InferenceRequest request) =>
        grains.GetGrain<IModelReplicaGrain>(ModelReplicaKey.Of(target.Model, target.Version)).Infer(request);

    /// <summary>Resolves, then runs: the request's model is known before its body is decoded where the protocol allows.</summary>
    public ValueTask<InferenceResponse> InferAsync(string model, string? version, InferenceRequest request) =>
        InferAsync(Resolve(model, version), request);
}

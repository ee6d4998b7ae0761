using InferenceHost.Abstractions.Inference;
using InferenceHost.Abstractions.Models;

namespace InferenceHost.Api;

/// <summary>
/// The one way both protocols reach a model: resolves the version on this silo
/// (no grain call) and hands the request to the local replica activation.
/// </summary>
public sealed class InferenceDispatcher(IModelDirectory directory, IGrainFactory grains)
{
    /// <summary>Runs <paramref name="request"/> on <paramref name="version"/>, or on the default version when null.</summary>
    /// <exception cref="InferenceException">Unknown model or version, invalid input, or a model failure.</exception>
    public ValueTask<InferenceResponse> InferAsync(string model, string? version, InferenceRequest request)
    {
        var target = directory.Resolve(model, version);
        var replica = grains.GetGrain<IModelReplicaGrain>(ModelReplicaKey.Of(target.Model, target.Version));
        return replica.Infer(request);
    }
}

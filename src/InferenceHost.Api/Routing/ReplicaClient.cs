using System.Runtime.CompilerServices;
using InferenceHost.Abstractions.Inference;
using InferenceHost.Abstractions.Models;

namespace InferenceHost.Api.Routing;

/// <summary>
/// Reaches the replica that serves a resolved version: this silo's own, in process with no grain call, or, for a
/// version another silo serves (<see cref="ModelVersionInfo.ServedBy"/>), the forwarded replica on that silo, whose
/// grain reference is made once per resolved version (the directory keeps its infos), not per request.
/// </summary>
public sealed class ReplicaClient(ILocalReplicas local, IGrainFactory grains, IModelDirectory directory)
{
    private readonly ConditionalWeakTable<ModelVersionInfo, IForwardedReplicaGrain> _forwarded = [];

    /// <summary>Runs <paramref name="request"/> where <paramref name="target"/> is served.</summary>
    /// <exception cref="InferenceException">Invalid input, a model failure, or the serving silo is gone (Unavailable).</exception>
    public ValueTask<InferenceResponse> InferAsync(ModelVersionInfo target, InferenceRequest request) =>
        target.ServedBy is null
            ? local.Infer(target.Model, target.Version, request)
            : ForwardAsync(target, request);

    /// <summary>Resolves <paramref name="version"/> here, then runs as <see cref="InferAsync(ModelVersionInfo, InferenceRequest)"/>.</summary>
    public async Task<InferenceResponse> InferAsync(string model, string version, InferenceRequest request) =>
        await InferAsync(directory.Resolve(model, version), request);

    private async ValueTask<InferenceResponse> ForwardAsync(ModelVersionInfo target, InferenceRequest request)
    {
        var replica = _forwarded.GetValue(
            target, info => grains.GetGrain<IForwardedReplicaGrain>(ForwardedReplicaKey.Of(info.ServedBy!, info.Model, info.Version)));
        try
        {
            return await replica.Infer(request);
        }
        catch (Exception lost) when (lost is SiloUnavailableException or TimeoutException or OrleansMessageRejectionException)
        {
            // The request may or may not have run there; inference is idempotent, so the client may safely retry.
            throw InferenceException.Unavailable(
                $"model '{target.Model}' version '{target.Version}' is served by silo {target.ServedBy}, which did not answer: {lost.Message}");
        }
    }
}

using InferenceHost.Abstractions.Models;
using Microsoft.Extensions.Hosting;

namespace InferenceHost.Api;

/// <summary>
/// Whether this silo should be sent new traffic, the same for <c>/v2/health/ready</c> and gRPC <c>ServerReady</c>.
/// </summary>
internal static class ServerReadiness
{
    /// <summary>
    /// Ready once the model repository has settled, and no longer from the moment the host begins to
    /// stop: readiness goes false first, while the silo still serves through its drain period, so a
    /// load balancer takes it out before it refuses anything.
    /// </summary>
    public static bool IsReady(IModelDirectory directory, IHostApplicationLifetime lifetime) =>
        directory.IsSettled && !lifetime.ApplicationStopping.IsCancellationRequested;
}

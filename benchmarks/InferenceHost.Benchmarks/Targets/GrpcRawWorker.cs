using InferenceHost.Api.Grpc.Protocol;
using InferenceHost.Benchmarks.Load;

namespace InferenceHost.Benchmarks.Targets;

/// <summary>Sends the shared request; the call completes once the response is read and parsed.</summary>
internal sealed class GrpcRawWorker(GRPCInferenceService.GRPCInferenceServiceClient client, ModelInferRequest request) : ILoadWorker
{
    public async ValueTask SendAsync(CancellationToken cancellationToken) =>
        await client.ModelInferAsync(request, cancellationToken: cancellationToken);

    public void Dispose()
    {
    }
}

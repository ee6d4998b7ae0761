using Grpc.AspNetCore.Server.Model;
using InferenceHost.Api.Grpc.Protocol;

namespace InferenceHost.Api.Grpc;

/// <summary>
/// Binds <see cref="GrpcInferenceService"/> under Triton's service name, a malformed request
/// answering INVALID_ARGUMENT (<see cref="GrpcUnaryMethodBinder{TService}"/>), each RPC mapping its own failures
/// with <paramref name="errors"/>: the hot path goes through no interceptor pipeline.
/// </summary>
internal sealed class GrpcInferenceServiceMethods(GrpcErrorInterceptor errors) : IServiceMethodProvider<GrpcInferenceService>
{
    public const string ServiceName = "inference.GRPCInferenceService";

    public void OnServiceMethodDiscovery(ServiceMethodProviderContext<GrpcInferenceService> context)
    {
        var methods = new GrpcUnaryMethodBinder<GrpcInferenceService>(context, ServiceName, errors);
        methods.Add("ServerLive", ServerLiveRequest.Parser, (s, r, c) => s.ServerLive(r, c));
        methods.Add("ServerReady", ServerReadyRequest.Parser, (s, r, c) => s.ServerReady(r, c));
        methods.Add("ModelReady", ModelReadyRequest.Parser, (s, r, c) => s.ModelReady(r, c));
        methods.Add("ServerMetadata", ServerMetadataRequest.Parser, (s, r, c) => s.ServerMetadata(r, c));
        methods.Add("ModelMetadata", ModelMetadataRequest.Parser, (s, r, c) => s.ModelMetadata(r, c));
        methods.Add<GrpcInferRequest, GrpcInferReply>("ModelInfer", (s, r, c) => s.ModelInfer(r, c), GrpcInferReplyWriter.Serialize);
        methods.Add("ModelConfig", ModelConfigRequest.Parser, (s, r, c) => s.ModelConfig(r, c));
        methods.Add("RepositoryIndex", RepositoryIndexRequest.Parser, (s, r, c) => s.RepositoryIndex(r, c));
    }
}

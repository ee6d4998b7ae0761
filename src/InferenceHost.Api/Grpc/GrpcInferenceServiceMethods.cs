using Google.Protobuf;
using Grpc.AspNetCore.Server.Model;
using Grpc.Core;
using InferenceHost.Api.Grpc.Protocol;

namespace InferenceHost.Api.Grpc;

/// <summary>
/// Binds <see cref="GrpcInferenceService"/> under Triton's service name with marshallers that
/// answer a message that is not valid protobuf with INVALID_ARGUMENT; the generated binding
/// would let it surface as UNKNOWN, as if the server had failed.
/// </summary>
internal sealed class GrpcInferenceServiceMethods : IServiceMethodProvider<GrpcInferenceService>
{
    public const string ServiceName = "inference.GRPCInferenceService";

    public void OnServiceMethodDiscovery(ServiceMethodProviderContext<GrpcInferenceService> context)
    {
        Add(context, "ServerLive", ServerLiveRequest.Parser, (s, r, c) => s.ServerLive(r, c));
        Add(context, "ServerReady", ServerReadyRequest.Parser, (s, r, c) => s.ServerReady(r, c));
        Add(context, "ModelReady", ModelReadyRequest.Parser, (s, r, c) => s.ModelReady(r, c));
        Add(context, "ServerMetadata", ServerMetadataRequest.Parser, (s, r, c) => s.ServerMetadata(r, c));
        Add(context, "ModelMetadata", ModelMetadataRequest.Parser, (s, r, c) => s.ModelMetadata(r, c));
        Add(context, "ModelInfer", ModelInferRequest.Parser, (s, r, c) => s.ModelInfer(r, c));
        Add(context, "ModelConfig", ModelConfigRequest.Parser, (s, r, c) => s.ModelConfig(r, c));
        Add(context, "RepositoryIndex", RepositoryIndexRequest.Parser, (s, r, c) => s.RepositoryIndex(r, c));
    }

    private static void Add<TRequest, TResponse>(
        ServiceMethodProviderContext<GrpcInferenceService> context,
        string name,
        MessageParser<TRequest> parser,
        UnaryServerMethod<GrpcInferenceService, TRequest, TResponse> invoker)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse>
    {
        var method = new Method<TRequest, TResponse>(
            MethodType.Unary,
            ServiceName,
            name,
            new Marshaller<TRequest>(Serialize, request => Parse(parser, request)),
            new Marshaller<TResponse>(Serialize, _ => throw new NotSupportedException("the server never reads responses")));
        context.AddUnaryMethod(method, [], invoker);
    }

    /// <summary>Writes straight into gRPC's buffer, as the generated marshallers do.</summary>
    private static void Serialize<TMessage>(TMessage message, SerializationContext context)
        where TMessage : IMessage<TMessage>
    {
        context.SetPayloadLength(message.CalculateSize());
        message.WriteTo(context.GetBufferWriter());
        context.Complete();
    }

    private static TRequest Parse<TRequest>(MessageParser<TRequest> parser, DeserializationContext request)
        where TRequest : IMessage<TRequest>
    {
        try
        {
            return parser.ParseFrom(request.PayloadAsReadOnlySequence());
        }
        catch (InvalidProtocolBufferException e)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"malformed {typeof(TRequest).Name} protobuf: {e.Message}"));
        }
    }
}

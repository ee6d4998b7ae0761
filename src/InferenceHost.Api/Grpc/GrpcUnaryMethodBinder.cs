using Google.Protobuf;
using Grpc.AspNetCore.Server.Model;
using Grpc.Core;

namespace InferenceHost.Api.Grpc;

/// <summary>
/// Binds a service class's unary (and client-streaming) RPCs under a protobuf service name, with marshallers that answer
/// a request that is not valid protobuf with INVALID_ARGUMENT; the generated binding would let it
/// surface as UNKNOWN, as if the server had failed. Every gRPC service the host serves lists its
/// RPCs through one, in its <see cref="IServiceMethodProvider{TService}"/>. Given <paramref name="errors"/>, each unary
/// RPC maps its failures to statuses itself (the service then needs no <see cref="GrpcErrorInterceptor"/> in its pipeline).
/// </summary>
internal sealed class GrpcUnaryMethodBinder<TService>(ServiceMethodProviderContext<TService> context, string serviceName, GrpcErrorInterceptor? errors = null)
    where TService : class
{
    public void Add<TRequest, TResponse>(string name, MessageParser<TRequest> parser, UnaryServerMethod<TService, TRequest, TResponse> invoker)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse> =>
        context.AddUnaryMethod(MethodOf(MethodType.Unary, name, parser, Responses<TResponse>()), [], Guarded(invoker));

    /// <summary>A unary RPC whose reply is not a protobuf message but writes itself as one with <paramref name="serializer"/>.</summary>
    public void Add<TRequest, TReply>(
        string name, MessageParser<TRequest> parser, UnaryServerMethod<TService, TRequest, TReply> invoker, Action<TReply, SerializationContext> serializer)
        where TRequest : class, IMessage<TRequest>
        where TReply : class =>
        context.AddUnaryMethod(MethodOf(MethodType.Unary, name, parser, new Marshaller<TReply>(serializer, NeverRead<TReply>)), [], Guarded(invoker));

    /// <summary>
    /// A unary RPC whose request the server reads with its own parser (<see cref="IHandParsedMessage{TSelf}"/>) and
    /// whose reply writes itself with <paramref name="serializer"/>: the hot path, built without message objects.
    /// </summary>
    public void Add<TRequest, TReply>(
        string name, UnaryServerMethod<TService, TRequest, TReply> invoker, Action<TReply, SerializationContext> serializer)
        where TRequest : class, IHandParsedMessage<TRequest>
        where TReply : class =>
        context.AddUnaryMethod(
            new Method<TRequest, TReply>(
                MethodType.Unary,
                serviceName,
                name,
                new Marshaller<TRequest>(NeverWritten, ParseByHand<TRequest>),
                new Marshaller<TReply>(serializer, NeverRead<TReply>)),
            [],
            Guarded(invoker));

    /// <summary>A client-streaming RPC, each of whose request messages is parsed as a unary request is.</summary>
    public void AddClientStreaming<TRequest, TResponse>(
        string name, MessageParser<TRequest> parser, ClientStreamingServerMethod<TService, TRequest, TResponse> invoker)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse> =>
        context.AddClientStreamingMethod(MethodOf(MethodType.ClientStreaming, name, parser, Responses<TResponse>()), [], invoker);

    // Built once per method at binding: a call then costs no closure.
    private UnaryServerMethod<TService, TRequest, TResponse> Guarded<TRequest, TResponse>(UnaryServerMethod<TService, TRequest, TResponse> invoker)
        where TRequest : class
        where TResponse : class =>
        errors is { } mapper ? (service, request, callContext) => mapper.Guard(invoker, service, request, callContext) : invoker;

    private static Marshaller<TResponse> Responses<TResponse>()
        where TResponse : class, IMessage<TResponse> =>
        new(Serialize, NeverRead<TResponse>);

    private static TResponse NeverRead<TResponse>(DeserializationContext context) =>
        throw new NotSupportedException("the server never reads responses");

    private static void NeverWritten<TRequest>(TRequest request, SerializationContext context) =>
        throw new NotSupportedException("the server never writes requests");

    private Method<TRequest, TResponse> MethodOf<TRequest, TResponse>(
        MethodType type, string name, MessageParser<TRequest> parser, Marshaller<TResponse> responses)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class =>
        new(type, serviceName, name, new Marshaller<TRequest>(Serialize, request => Parse(parser, request)), responses);

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
            throw Malformed(typeof(TRequest).Name, e.Message);
        }
    }

    private static TRequest ParseByHand<TRequest>(DeserializationContext request)
        where TRequest : class, IHandParsedMessage<TRequest>
    {
        try
        {
            return TRequest.Parse(request.PayloadAsReadOnlySequence());
        }
        catch (MalformedProtobufException e)
        {
            throw Malformed(TRequest.ProtoName, e.Message);
        }
    }

    private static RpcException Malformed(string message, string reason) =>
        new(new Status(StatusCode.InvalidArgument, $"malformed {message} protobuf: {reason}"));
}

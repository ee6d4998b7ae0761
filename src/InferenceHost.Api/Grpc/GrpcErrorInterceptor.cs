using System.Globalization;
using Grpc.Core;
using Grpc.AspNetCore.Server.Model;
using Grpc.Core.Interceptors;
using InferenceHost.Abstractions.Inference;
using Microsoft.Extensions.Logging;

namespace InferenceHost.Api.Grpc;

/// <summary>
/// Maps failures of the host's gRPC services to status codes with the same messages the HTTP
/// endpoints give; anything unexpected becomes a logged INTERNAL.
/// </summary>
internal sealed partial class GrpcErrorInterceptor(ILogger<GrpcErrorInterceptor> logger) : Interceptor
{
    /// <summary>The trailer gRPC clients read as "retry after this many milliseconds".</summary>
    public const string RetryPushbackTrailer = "grpc-retry-pushback-ms";

    // The continuation stands in for the service: a static lambda, so the call allocates no closure.
    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation) =>
        Guard<UnaryServerMethod<TRequest, TResponse>, TRequest, TResponse>(static (next, request, context) => next(request, context), continuation, request, context);

    /// <summary>
    /// Runs a unary RPC and maps its failures: for this interceptor, and for a <see cref="GrpcUnaryMethodBinder{TService}"/>
    /// that binds a service with it directly, instead of through gRPC's interceptor pipeline, which costs an extra
    /// task and activation on every call.
    /// </summary>
    public Task<TResponse> Guard<TService, TRequest, TResponse>(
        UnaryServerMethod<TService, TRequest, TResponse> invoker, TService service, TRequest request, ServerCallContext context)
        where TService : class
        where TRequest : class
        where TResponse : class
    {
        Task<TResponse> call;
        try
        {
            call = invoker(service, request, context);
        }
        catch (Exception failure)
        {
            call = Task.FromException<TResponse>(failure);
        }

        // Most inference calls finish synchronously: passing their task on as it is costs no state machine per call.
        return call.IsCompletedSuccessfully ? call : MapFailuresAsync(call, context);
    }

    public override Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation) =>
        MapFailuresAsync(StartAsync(continuation, requestStream, context), context);

    /// <summary>
    /// gRPC's own retry pushback (<c>grpc-retry-pushback-ms</c>) for a failure worth retrying later, the
    /// counterpart of HTTP's <c>Retry-After</c>; no trailers otherwise.
    /// </summary>
    internal static Metadata Trailers(InferenceException failure) => failure.RetryAfter is { } retryAfter
        ? new Metadata { { RetryPushbackTrailer, ((long)Math.Ceiling(retryAfter.TotalMilliseconds)).ToString(CultureInfo.InvariantCulture) } }
        : Metadata.Empty;

    // Async, so a continuation that throws before its first await fails the task instead of throwing here.
    private static async Task<TResponse> StartAsync<TRequest, TResponse>(
        ClientStreamingServerMethod<TRequest, TResponse> continuation, IAsyncStreamReader<TRequest> requestStream, ServerCallContext context)
        where TRequest : class
        where TResponse : class =>
        await continuation(requestStream, context);

    private async Task<TResponse> MapFailuresAsync<TResponse>(Task<TResponse> call, ServerCallContext context)
    {
        try
        {
            return await call;
        }
        catch (InferenceException failure)
        {
            var code = InferenceErrorCodes.GrpcStatus(failure.Kind);
            if (code == StatusCode.Internal)
            {
                LogServerError(logger, context.Method, code, failure);
            }
            else
            {
                LogClientError(logger, context.Method, code, failure.Message);
            }

            throw new RpcException(new Status(code, failure.Message), Trailers(failure));
        }
        catch (TimeoutException timeout)
        {
            LogServerError(logger, context.Method, StatusCode.Unavailable, timeout);
            throw new RpcException(new Status(StatusCode.Unavailable, InferenceErrorCodes.TimeoutMessage));
        }
        catch (Exception exception) when (exception is not (RpcException or OperationCanceledException))
        {
            LogServerError(logger, context.Method, StatusCode.Internal, exception);
            throw new RpcException(new Status(StatusCode.Internal, InferenceErrorCodes.InternalMessage));
        }
    }
}

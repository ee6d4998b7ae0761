using Grpc.Core;
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
    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation) =>
        MapFailuresAsync(() => continuation(request, context), context);

    public override Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation) =>
        MapFailuresAsync(() => continuation(requestStream, context), context);

    private async Task<TResponse> MapFailuresAsync<TResponse>(Func<Task<TResponse>> call, ServerCallContext context)
    {
        try
        {
            return await call();
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

            throw new RpcException(new Status(code, failure.Message));
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

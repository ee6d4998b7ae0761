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
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
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

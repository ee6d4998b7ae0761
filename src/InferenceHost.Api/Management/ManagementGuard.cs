using Grpc.Core;
using Grpc.Core.Interceptors;
using InferenceHost.Abstractions.Routing;
using InferenceHost.Api.Admin;
using Microsoft.Extensions.Logging;

namespace InferenceHost.Api.Management;

/// <summary>
/// Runs every management RPC as <see cref="AdminGuard"/> runs every <c>/admin</c> request: the
/// bearer token first (UNAUTHENTICATED missing, PERMISSION_DENIED wrong; nothing else happens),
/// then the RPC, whose refusals become status codes with the REST API's messages. Other failures
/// are left to <see cref="Grpc.GrpcErrorInterceptor"/>, which wraps this one.
/// </summary>
internal sealed partial class ManagementGuard(AdminAuthenticator authenticator, ILogger<ManagementGuard> logger) : Interceptor
{
    /// <summary>gRPC metadata keys are lowercase; the value is as in HTTP, <c>Bearer &lt;token&gt;</c>.</summary>
    private const string AuthorizationKey = "authorization";

    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation) =>
        GuardAsync(context, () => continuation(request, context));

    /// <summary>The token is checked before the first message is read, so a refused upload sends no byte to disk.</summary>
    public override Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation) =>
        GuardAsync(context, () => continuation(requestStream, context));

    private async Task<TResponse> GuardAsync<TResponse>(ServerCallContext context, Func<Task<TResponse>> call)
    {
        switch (authenticator.Authenticate(context.RequestHeaders.GetValue(AuthorizationKey)))
        {
            case AdminAccess.MissingToken:
                LogRefused(logger, context.Method, context.Peer, AdminGuard.MissingTokenMessage);
                throw new RpcException(new Status(StatusCode.Unauthenticated, AdminGuard.MissingTokenMessage));
            case AdminAccess.InvalidToken:
                LogRefused(logger, context.Method, context.Peer, AdminGuard.InvalidTokenMessage);
                throw new RpcException(new Status(StatusCode.PermissionDenied, AdminGuard.InvalidTokenMessage));
        }

        try
        {
            return await call();
        }
        catch (DeploymentException refusal)
        {
            var code = StatusOf(refusal.Kind);
            LogDeploymentRefused(logger, context.Method, code, refusal.Message);
            throw new RpcException(new Status(code, refusal.Message));
        }
    }

    /// <summary>
    /// One code per kind, as REST has one status per kind. A revision conflict shares the kind of
    /// every other conflict (empty standby, nothing to roll back), so it is FAILED_PRECONDITION too
    /// rather than ABORTED: the remedy for all of them is to read the deployment again, never to replay the call.
    /// </summary>
    public static StatusCode StatusOf(DeploymentErrorKind kind) => kind switch
    {
        DeploymentErrorKind.NotFound => StatusCode.NotFound,
        DeploymentErrorKind.Conflict => StatusCode.FailedPrecondition,
        _ => StatusCode.InvalidArgument,
    };
}

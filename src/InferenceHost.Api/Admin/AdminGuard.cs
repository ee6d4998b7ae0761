using InferenceHost.Abstractions.Routing;
using InferenceHost.Api.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;

namespace InferenceHost.Api.Admin;

/// <summary>
/// Runs every <c>/admin</c> request: the bearer token first (401 missing, 403 wrong; nothing else
/// happens; reads may go without it when <see cref="AdminOptions.AnonymousReads"/> is on), then the
/// handler, whose refusals answer <c>{"error": ...}</c> with their status.
/// </summary>
internal sealed partial class AdminGuard(
    AdminAuthenticator authenticator, AdminHandlers handlers, HttpErrorResponder errors, ILogger<AdminGuard> logger)
{
    public const string MissingTokenMessage = "missing bearer token";

    public const string InvalidTokenMessage = "invalid token";

    public async Task RunAsync(HttpContext context, Func<AdminHandlers, HttpContext, Task> handle)
    {
        switch (authenticator.Authenticate(context.Request.Method, context.Request.Headers.Authorization))
        {
            case AdminAccess.MissingToken:
                LogRefused(logger, context.Request.Method, context.Request.Path, context.Connection.RemoteIpAddress?.ToString(), MissingTokenMessage);
                context.Response.Headers[HeaderNames.WWWAuthenticate] = "Bearer";
                await JsonResponses.WriteErrorAsync(context, StatusCodes.Status401Unauthorized, MissingTokenMessage);
                return;
            case AdminAccess.InvalidToken:
                LogRefused(logger, context.Request.Method, context.Request.Path, context.Connection.RemoteIpAddress?.ToString(), InvalidTokenMessage);
                await JsonResponses.WriteErrorAsync(context, StatusCodes.Status403Forbidden, InvalidTokenMessage);
                return;
        }

        try
        {
            await handle(handlers, context);
        }
        catch (DeploymentException refusal) when (!context.Response.HasStarted)
        {
            var status = StatusOf(refusal.Kind);
            LogDeploymentRefused(logger, context.Request.Method, context.Request.Path, status, refusal.Message);
            await JsonResponses.WriteErrorAsync(context, status, refusal.Message);
        }
        catch (Exception exception)
        {
            await errors.WriteAsync(context, exception);
        }
    }

    public static int StatusOf(DeploymentErrorKind kind) => kind switch
    {
        DeploymentErrorKind.NotFound => StatusCodes.Status404NotFound,
        DeploymentErrorKind.Conflict => StatusCodes.Status409Conflict,
        _ => StatusCodes.Status400BadRequest,
    };
}

using Microsoft.Extensions.Logging;

namespace InferenceHost.Api.Admin;

internal sealed partial class AdminAuthenticator
{
    [LoggerMessage(1, LogLevel.Warning,
        "Admin API: reads need no token (InferenceHost:Admin:AnonymousReads): anyone who reaches this port can read models, deployments, rollouts and telemetry; changes still need the token")]
    private static partial void LogAnonymousReads(ILogger logger);
}

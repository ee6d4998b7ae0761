using Microsoft.Extensions.Logging;

namespace InferenceHost.Api.Admin;

internal sealed partial class AdminTokenProvider
{
    [LoggerMessage(1, LogLevel.Information, "Admin API: bearer token from configuration")]
    private static partial void LogConfiguredToken(ILogger logger);

    [LoggerMessage(2, LogLevel.Information, "Admin API: bearer token read from {Path}")]
    private static partial void LogTokenFromFile(ILogger logger, string path);

    [LoggerMessage(3, LogLevel.Information,
        "Admin API: generated a new bearer token and wrote it to {Path} (readable by this user only); send it as 'Authorization: Bearer <token>'")]
    private static partial void LogGeneratedToken(ILogger logger, string path);

    [LoggerMessage(4, LogLevel.Warning, "Admin API: the token file {Path} is readable by other users; restrict it with 'chmod 600'")]
    private static partial void LogTokenFileShared(ILogger logger, string path);
}

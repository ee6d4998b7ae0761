using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace InferenceHost.Api.Admin;

internal sealed partial class AdminGuard
{
    [LoggerMessage(1, LogLevel.Warning, "Admin request {Method} {Path} from {Remote} refused: {Reason}")]
    private static partial void LogRefused(ILogger logger, string method, PathString path, string? remote, string reason);

    [LoggerMessage(2, LogLevel.Information, "Admin request {Method} {Path} refused with {Status}: {Message}")]
    private static partial void LogDeploymentRefused(ILogger logger, string method, PathString path, int status, string message);
}

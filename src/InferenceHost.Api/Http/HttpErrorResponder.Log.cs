using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace InferenceHost.Api.Http;

internal sealed partial class HttpErrorResponder
{
    [LoggerMessage(1, LogLevel.Debug, "v2 request {Path} refused with {Status}: {Message}")]
    private static partial void LogClientError(ILogger logger, PathString path, int status, string message);

    [LoggerMessage(2, LogLevel.Error, "v2 request {Path} failed with {Status}")]
    private static partial void LogServerError(ILogger logger, PathString path, int status, Exception exception);

    [LoggerMessage(3, LogLevel.Error, "v2 request {Path} failed after its response started; the connection was aborted")]
    private static partial void LogFailedAfterStart(ILogger logger, PathString path, Exception exception);
}

using Microsoft.Extensions.Logging;

namespace InferenceHost.Api.Routing;

public sealed partial class ShadowMirror
{
    [LoggerMessage(EventId = 3200, Level = LogLevel.Debug, Message = "Shadow version '{Version}' of model '{Model}' refused a mirrored request: {Reason}")]
    private static partial void LogShadowRefused(ILogger logger, string model, string version, string reason);

    [LoggerMessage(EventId = 3201, Level = LogLevel.Warning, Message = "Shadow version '{Version}' of model '{Model}' failed on a mirrored request")]
    private static partial void LogShadowFailed(ILogger logger, string model, string version, Exception exception);
}

using Microsoft.Extensions.Logging;

namespace InferenceHost.Api.Telemetry;

public sealed partial class TelemetryFlusher
{
    [LoggerMessage(EventId = 3300, Level = LogLevel.Warning, Message = "Telemetry of model '{Model}' could not be sent; it is kept and sent with the next flush (logged once until a send succeeds)")]
    private static partial void LogSendFailed(ILogger logger, string model, Exception exception);

    [LoggerMessage(EventId = 3301, Level = LogLevel.Information, Message = "Telemetry of model '{Model}' is being sent again")]
    private static partial void LogSendResumed(ILogger logger, string model);

    [LoggerMessage(EventId = 3302, Level = LogLevel.Error, Message = "Taking this silo's telemetry deltas failed; trying again at the next flush")]
    private static partial void LogTakeFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 3303, Level = LogLevel.Warning, Message = "The host stopped before the last telemetry flush finished; what it held is lost")]
    private static partial void LogShutdownFlushAbandoned(ILogger logger);
}

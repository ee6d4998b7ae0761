using Microsoft.Extensions.Logging;

namespace InferenceHost.Grains.Routing;

public sealed partial class SiloRouteTables
{
    [LoggerMessage(EventId = 3100, Level = LogLevel.Information, Message = "Route table of model '{Model}' is now revision {Revision} (by {ChangedBy})")]
    private static partial void LogTableChanged(ILogger logger, string model, long revision, string changedBy);

    [LoggerMessage(EventId = 3101, Level = LogLevel.Warning, Message = "Could not refresh the route table of model '{Model}'; the cached revision keeps serving")]
    private static partial void LogRefreshFailed(ILogger logger, string model, Exception exception);
}

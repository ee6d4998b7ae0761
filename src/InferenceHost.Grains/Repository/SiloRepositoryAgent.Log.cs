using InferenceHost.Abstractions.Repository;
using Microsoft.Extensions.Logging;

namespace InferenceHost.Grains.Repository;

public sealed partial class SiloRepositoryAgent
{
    [LoggerMessage(EventId = 3210, Level = LogLevel.Information, Message = "Repository change announced: {Kind} {Model} version {Version}")]
    private static partial void LogChangeArrived(ILogger logger, RepositoryChangeKind kind, string model, string version);

    [LoggerMessage(EventId = 3211, Level = LogLevel.Warning, Message = "Could not tell the cluster this silo's versions within {Timeout}; ready anyway, the next poll tries again")]
    private static partial void LogFirstReportFailed(ILogger logger, TimeSpan timeout, Exception exception);

    [LoggerMessage(EventId = 3212, Level = LogLevel.Warning, Message = "Could not renew this silo's repository subscription and report; the next poll tries again")]
    private static partial void LogPollFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 3213, Level = LogLevel.Debug, Message = "Could not report this silo's versions; the next poll reports again")]
    private static partial void LogReportFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 3214, Level = LogLevel.Warning, Message = "Could not load or unload the announced change of model '{Model}'; the next rescan tries again")]
    private static partial void LogSynchronizeFailed(ILogger logger, string model, Exception exception);
}

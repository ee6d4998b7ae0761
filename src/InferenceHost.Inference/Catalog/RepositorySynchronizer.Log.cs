using InferenceHost.Inference.Execution;
using Microsoft.Extensions.Logging;

namespace InferenceHost.Inference.Catalog;

public sealed partial class RepositorySynchronizer
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "Model repository {Root}: {Count} versions chosen")]
    private static partial void LogScanned(ILogger logger, string root, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignoring {Path}: {Reason}")]
    private static partial void LogSkipped(ILogger logger, string path, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Loaded {Model} version {Version} on {Device} ({DeviceReason})")]
    private static partial void LogLoaded(ILogger logger, string model, string version, ExecutionDevice device, string deviceReason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Added uploaded {Model} version {Version} on {Device} ({DeviceReason})")]
    private static partial void LogAdded(ILogger logger, string model, string version, ExecutionDevice device, string deviceReason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Model {Model} version {Version} is unavailable: {Reason}")]
    private static partial void LogRejected(ILogger logger, string model, string version, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Unloaded {Model} version {Version}: it left the repository or its version policy")]
    private static partial void LogRemoved(ILogger logger, string model, string version);
}

namespace InferenceHost.Silo.Hosting;

internal sealed partial class GracefulDrain
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Stopping: readiness is false; still serving for the drain period of {DrainPeriod} before shutting down")]
    private static partial void LogDraining(ILogger logger, TimeSpan drainPeriod);
}

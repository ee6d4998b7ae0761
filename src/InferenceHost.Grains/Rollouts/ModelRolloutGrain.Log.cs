using InferenceHost.Abstractions.Rollouts;
using Microsoft.Extensions.Logging;

namespace InferenceHost.Grains.Rollouts;

public sealed partial class ModelRolloutGrain
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Model '{Model}' rollout {Number}: {Action} by {Actor}: {Reason}")]
    private static partial void LogDecision(ILogger logger, string model, long number, RolloutAction action, string actor, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Model '{Model}' rollout {Number}: the router refused to {Action}: {Reason}; the rollout pauses")]
    private static partial void LogActionRefused(ILogger logger, string model, long number, RolloutAction action, string reason);
}

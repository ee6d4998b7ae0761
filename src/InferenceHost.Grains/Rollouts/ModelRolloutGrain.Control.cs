using InferenceHost.Abstractions.Rollouts;
using InferenceHost.Abstractions.Routing;

namespace InferenceHost.Grains.Rollouts;

/// <summary>Operators' commands to the running rollout.</summary>
public sealed partial class ModelRolloutGrain
{
    public async Task<RolloutStatus> Control(RolloutCommand command, string actor, string? reason)
    {
        var record = Running ?? throw Conflict(Latest is { } latest
            ? $"model '{Model}' has no rollout running (rollout {latest.Status.Number} ended {RolloutText.Phase(latest.Status.Phase)})"
            : $"model '{Model}' never had a rollout");
        var status = record.Status;
        var because = string.IsNullOrWhiteSpace(reason) ? string.Empty : $": {reason.Trim()}";
        var evidence = status.Latest.Evidence;
        switch (command)
        {
            case RolloutCommand.Pause when status.Paused:
                throw Conflict($"rollout {status.Number} of model '{Model}' is already paused");
            case RolloutCommand.Pause:
                return await TransitionAsync(record, RolloutAction.Pause, actor, status.Phase, status.Step, status.CanaryWeight, paused: true,
                    $"paused by {actor}{because}", evidence, changesDeployment: false);
            case RolloutCommand.Resume when !status.Paused:
                throw Conflict($"rollout {status.Number} of model '{Model}' is not paused");
            case RolloutCommand.Resume:
                // Taking over again after a hand-made change re-applies the rollout's step on top of it.
                var table = await Router.GetRouteTable();
                return await TransitionAsync(record, RolloutAction.Resume, actor, status.Phase, status.Step, status.CanaryWeight, paused: false,
                    $"resumed by {actor}{because}", evidence, changesDeployment: table.Revision != record.Revision);
            case RolloutCommand.Abort:
                return await TransitionAsync(record, RolloutAction.Abort, actor, RolloutPhase.Aborted, status.Step, 0, paused: false,
                    $"aborted by {actor}{because}", evidence, changesDeployment: true);
            case RolloutCommand.Promote:
                return await TransitionAsync(record, RolloutAction.Promote, actor, RolloutPhase.Promoted, status.Step, 100, paused: false,
                    $"promoted by {actor}{because}", evidence, changesDeployment: true);
            case RolloutCommand.Rollback:
                return await TransitionAsync(record, RolloutAction.Rollback, actor, RolloutPhase.RolledBack, status.Step, 0, paused: false,
                    $"rolled back by {actor}{because}", evidence, changesDeployment: true);
            default:
                throw new DeploymentException(DeploymentErrorKind.Invalid, $"unknown rollout command {command}");
        }
    }

    private static DeploymentException Conflict(string message) => new(DeploymentErrorKind.Conflict, message);
}

using InferenceHost.Abstractions.Rollouts;
using InferenceHost.Abstractions.Routing;
using InferenceHost.Telemetry.Rollouts;

namespace InferenceHost.Grains.Rollouts;

/// <summary>Each evaluation: read the evidence, let <see cref="RolloutEngine"/> decide, apply and record the decision.</summary>
public sealed partial class ModelRolloutGrain
{
    private async Task<RolloutStatus?> EvaluateRunningAsync()
    {
        if (Running is not { } record)
        {
            return Latest?.Status;
        }

        var status = record.Status;
        var table = await Router.GetRouteTable();
        if (table.Revision != record.Revision && !status.Paused)
        {
            // An operator changed the deployment by hand: the rollout stops driving it until told to take over again.
            return await TransitionAsync(record, RolloutAction.Pause, PolicyActor, status.Phase, status.Step, status.CanaryWeight, paused: true,
                $"the deployment changed outside the rollout (revision {table.Revision} by {table.ChangedBy}); resume to take it over again",
                status.Latest.Evidence, changesDeployment: false);
        }

        var observation = await ObserveAsync(status);
        var progress = new RolloutProgress(status.Phase, status.Step, status.Paused, record.ClockStartedAt, status.PhaseStartedAt);
        var verdict = RolloutEngine.Decide(status.Policy, progress, observation, _time.GetUtcNow());
        try
        {
            return await TransitionAsync(record, verdict.Action, PolicyActor, verdict.Phase, verdict.Step, verdict.CanaryWeight,
                paused: status.Paused || verdict.Action == RolloutAction.Pause, verdict.Reason, verdict.Evidence,
                changesDeployment: verdict.Action is RolloutAction.Step or RolloutAction.Promote or RolloutAction.Rollback);
        }
        catch (DeploymentException refused)
        {
            // The router refused the change (e.g. the candidate was unloaded somewhere): hold still and say why.
            LogActionRefused(_logger, Model, status.Number, verdict.Action, refused.Message);
            return await TransitionAsync(record, RolloutAction.Pause, PolicyActor, status.Phase, status.Step, status.CanaryWeight, paused: true,
                $"could not {verdict.Action.ToString().ToLowerInvariant()} ({verdict.Reason}): {refused.Message}", verdict.Evidence, changesDeployment: false);
        }
    }

    private async Task<RolloutObservation> ObserveAsync(RolloutStatus status)
    {
        var candidate = Telemetry.GetVersion(status.Candidate, status.StartedAt);
        var baseline = Telemetry.GetVersion(status.Baseline, status.StartedAt);
        var phase = Telemetry.GetVersion(status.Candidate, status.PhaseStartedAt);
        return new RolloutObservation(await candidate, await baseline, (await phase).Requests);
    }

    /// <summary>
    /// Applies one decision: the deployment first (through the router, on the revision it reads), then the record.
    /// A refused deployment change throws and records nothing.
    /// </summary>
    private async Task<RolloutStatus> TransitionAsync(
        RolloutRecord record,
        RolloutAction action,
        string actor,
        RolloutPhase phase,
        int step,
        int weight,
        bool paused,
        string reason,
        RolloutEvidence evidence,
        bool changesDeployment)
    {
        var status = record.Status;
        var revision = record.Revision;
        if (changesDeployment)
        {
            var table = await Router.GetRouteTable();
            var current = table.Deployment ?? Deployment.Single(status.Baseline);
            var applied = await Router.Deploy(
                RolloutDeployments.For(current, status.Candidate, status.Policy, phase, weight), table.Revision, $"{PolicyActor} {status.Number} ({actor})");
            revision = applied.Revision;
        }

        var now = _time.GetUtcNow();
        var finished = phase is RolloutPhase.Promoted or RolloutPhase.RolledBack or RolloutPhase.Aborted;
        var decision = new RolloutDecision(status.Latest.Sequence + 1, now, action, actor, phase, weight, reason, evidence);
        var moved = phase != status.Phase || step != status.Step;
        var next = status with
        {
            Phase = phase,
            Step = step,
            CanaryWeight = weight,
            Paused = paused && !finished,
            PhaseStartedAt = moved ? now : status.PhaseStartedAt,
            EndedAt = finished ? now : null,
            Latest = decision,
        };
        var index = _state.State.Rollouts.IndexOf(record);
        var decisions = Append(record.Decisions, decision);
        _state.State.Rollouts[index] = record with
        {
            Status = next,
            Decisions = finished ? Compact(decisions) : decisions,
            Revision = revision,
            ClockStartedAt = action == RolloutAction.Resume ? now : record.ClockStartedAt,
        };

        // A wait changes nothing but the history: written at most once a minute, so a rollout evaluated every few
        // seconds does not rewrite its state each time (a crash loses at most a minute of waits, never a step).
        if (action != RolloutAction.Wait || now - _lastWrite >= WaitWriteInterval)
        {
            await WriteOrRestoreAsync(() => _state.State.Rollouts[index] = record);
            (_lastWrite, _unwritten) = (now, false);
        }
        else
        {
            _unwritten = true;
        }

        _board.Publish(next);

        if (action != RolloutAction.Wait)
        {
            LogDecision(_logger, Model, status.Number, action, actor, reason);
            await AuditAsync(actor, $"rollout-{action.ToString().ToLowerInvariant()}", RolloutText.Describe(status), RolloutText.Describe(next, reason));
        }

        if (finished)
        {
            await FinishAsync();
        }

        return next;
    }

    /// <summary>A finished rollout keeps every decision that did something and only its last waits.</summary>
    private static List<RolloutDecision> Compact(List<RolloutDecision> decisions)
    {
        var lastWaits = decisions.Where(static d => d.Action == RolloutAction.Wait).TakeLast(RolloutState.FinishedWaitsKept).ToHashSet();
        return [.. decisions.Where(d => d.Action != RolloutAction.Wait || lastWaits.Contains(d))];
    }

    /// <summary>Keeps at most <see cref="RolloutState.DecisionLimit"/> decisions, giving up the oldest wait first.</summary>
    private static List<RolloutDecision> Append(IReadOnlyList<RolloutDecision> decisions, RolloutDecision decision)
    {
        var kept = new List<RolloutDecision>(decisions) { decision };
        if (kept.Count > RolloutState.DecisionLimit)
        {
            var oldestWait = kept.FindIndex(static d => d.Action == RolloutAction.Wait);
            kept.RemoveAt(oldestWait >= 0 ? oldestWait : 0);
        }

        return kept;
    }
}

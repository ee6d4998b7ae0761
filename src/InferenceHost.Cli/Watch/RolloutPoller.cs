using InferenceHost.Cli.Admin;

namespace InferenceHost.Cli.Watch;

/// <summary>
/// Reads one rollout again and again: the one running (else the latest) when the watch began, even after a
/// newer one has started, and gathers its decisions that did something across reads.
/// </summary>
internal sealed class RolloutPoller(AdminApiClient admin, string model)
{
    /// <summary>What the API calls a decision that only held the step.</summary>
    private const string Wait = "wait";

    /// <summary>The most decisions the host keeps of one rollout, so the most worth asking for.</summary>
    private const int HostKeeps = 500;

    /// <summary>Room for the decisions made between reading the status and reading the decisions.</summary>
    private const int Slack = 50;

    private readonly SortedList<long, DecisionView> _actions = [];

    private long? _number;

    private long _lastSequence;

    /// <exception cref="CommandFailedException">The model has never had a rollout, or the host did not answer.</exception>
    public async Task<RolloutSnapshot> ReadAsync()
    {
        var rollout = await ReadRolloutAsync();
        var deployment = admin.GetDeploymentAsync(model);
        // Ask only for what is new since the last read (waits pile up at every evaluation), all the host keeps at first.
        var limit = (int)Math.Clamp(rollout.Latest.Sequence - _lastSequence + Slack, 1, HostKeeps);
        var decisions = (await admin.GetDecisionsAsync(model, rollout.Number, limit)).Body.Decisions;
        foreach (var decision in decisions.Where(decision => decision.Action != Wait))
        {
            _actions[decision.Sequence] = decision;
        }

        _lastSequence = Math.Max(_lastSequence, decisions.Count > 0 ? decisions[^1].Sequence : 0);
        return new RolloutSnapshot(rollout, (await deployment).Body, [.. _actions.Values]);
    }

    private async Task<RolloutView> ReadRolloutAsync()
    {
        var current = (await admin.GetRolloutAsync(model)).Body;
        _number ??= current.Number;
        if (current.Number == _number)
        {
            return current;
        }

        // Ours ended and another began between two reads: how ours ended is what the watch reports.
        var listed = (await admin.ListRolloutsAsync(model, limit: null)).Body.Rollouts;
        return listed.FirstOrDefault(rollout => rollout.Number == _number)
            ?? throw new CommandFailedException($"rollout #{_number} of '{model}' is no longer listed: rollout #{current.Number} has started since");
    }
}

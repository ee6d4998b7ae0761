using InferenceHost.Cli.Admin;

namespace InferenceHost.Cli.Watch;

/// <summary>One read of a watched rollout: its status, the deployment it drives, and its decisions that did something.</summary>
/// <param name="Rollout">The rollout's status, with its latest evaluation.</param>
/// <param name="Deployment">The model's deployment, read right after the status.</param>
/// <param name="Actions">Every decision seen so far other than a wait, oldest first.</param>
internal sealed record RolloutSnapshot(RolloutView Rollout, DeploymentView Deployment, IReadOnlyList<DecisionView> Actions)
{
    public bool Ended => Rollout.EndedAt is not null;

    /// <summary>
    /// What a log should show a new frame for: a phase, step, weight, pause or deployment change, or a
    /// new decision. Not the gate numbers, which move at every evaluation and would flood the log.
    /// </summary>
    public (string Phase, int Step, int CanaryWeight, bool Paused, long Revision, long? LastAction) Milestone =>
        (Rollout.Phase, Rollout.Step, Rollout.CanaryWeight, Rollout.Paused, Deployment.Revision, Actions.Count > 0 ? Actions[^1].Sequence : null);
}

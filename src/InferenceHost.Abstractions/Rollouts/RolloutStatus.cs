namespace InferenceHost.Abstractions.Rollouts;

/// <summary>A rollout as operators see it.</summary>
/// <param name="Model">The model.</param>
/// <param name="Number">Which rollout of the model, from 1.</param>
/// <param name="Candidate">The version being rolled out.</param>
/// <param name="Baseline">The version it is compared with (the active colour's when it started).</param>
/// <param name="Phase">Where it stands.</param>
/// <param name="Step">Index into the policy's steps (−1 before the canary phase).</param>
/// <param name="CanaryWeight">The candidate's share of users now.</param>
/// <param name="Paused">Whether it waits for an operator.</param>
/// <param name="StartedAt">When it started.</param>
/// <param name="PhaseStartedAt">When the current step (or phase) started.</param>
/// <param name="EndedAt">When it reached a final phase.</param>
/// <param name="StartedBy">Who started it.</param>
/// <param name="Policy">The policy it runs (fixed at start).</param>
/// <param name="Latest">The newest decision.</param>
[GenerateSerializer, Immutable, Alias("InferenceHost.RolloutStatus")]
public sealed record RolloutStatus(
    [property: Id(0)] string Model,
    [property: Id(1)] long Number,
    [property: Id(2)] string Candidate,
    [property: Id(3)] string Baseline,
    [property: Id(4)] RolloutPhase Phase,
    [property: Id(5)] int Step,
    [property: Id(6)] int CanaryWeight,
    [property: Id(7)] bool Paused,
    [property: Id(8)] DateTimeOffset StartedAt,
    [property: Id(9)] DateTimeOffset PhaseStartedAt,
    [property: Id(10)] DateTimeOffset? EndedAt,
    [property: Id(11)] string StartedBy,
    [property: Id(12)] RolloutPolicy Policy,
    [property: Id(13)] RolloutDecision Latest)
{
    public bool IsFinished => Phase is RolloutPhase.Promoted or RolloutPhase.RolledBack or RolloutPhase.Aborted;
}

namespace InferenceHost.RolloutBenchmarks.Contenders;

/// <summary>How one simulated rollout ended.</summary>
/// <param name="Decision">Promote, Rollback, or Wait when it was still undecided (or paused) at the end of the simulation.</param>
/// <param name="Seconds">Simulated time to the decision (to the end, when undecided).</param>
/// <param name="CandidateServed">Users the candidate answered before the decision.</param>
internal readonly record struct RunOutcome(RolloutDecisionKind Decision, double Seconds, long CandidateServed);

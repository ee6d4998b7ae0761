namespace InferenceHost.RolloutBenchmarks.Contenders;

/// <summary>The end of a simulated rollout.</summary>
internal enum RolloutDecisionKind
{
    Undecided,
    Promoted,
    RolledBack,
}

namespace InferenceHost.Cli.Admin;

/// <summary>A rollout's decisions, oldest first.</summary>
internal sealed record DecisionList(IReadOnlyList<DecisionView> Decisions);

namespace InferenceHost.Cli.Admin;

/// <summary>One decision of a rollout, with the evidence behind it.</summary>
internal sealed record DecisionView(
    long Sequence, DateTimeOffset At, string Action, string Actor, string Phase, int CanaryWeight, string Reason, EvidenceView Evidence);

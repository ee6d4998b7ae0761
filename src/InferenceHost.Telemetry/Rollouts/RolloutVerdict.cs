using InferenceHost.Abstractions.Rollouts;

namespace InferenceHost.Telemetry.Rollouts;

/// <summary>What <see cref="RolloutEngine"/> decided: the action, where the rollout stands after it, and why.</summary>
/// <param name="Action">Wait, Step, Promote, Rollback or Pause.</param>
/// <param name="Phase">The phase after the action.</param>
/// <param name="Step">The step index after the action (−1 in the shadow phase).</param>
/// <param name="CanaryWeight">The candidate's share of users after the action (0 in shadow and after a rollback; 100 once promoted).</param>
/// <param name="Reason">Why, in words an operator reads (names the gate and its numbers on a failure).</param>
/// <param name="Evidence">The numbers.</param>
public sealed record RolloutVerdict(RolloutAction Action, RolloutPhase Phase, int Step, int CanaryWeight, string Reason, RolloutEvidence Evidence);

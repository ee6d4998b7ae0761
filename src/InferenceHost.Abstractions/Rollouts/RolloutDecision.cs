namespace InferenceHost.Abstractions.Rollouts;

/// <summary>One decision of a rollout, by its policy or an operator, with the evidence behind it.</summary>
/// <param name="Sequence">Position in the rollout's history, from 1.</param>
/// <param name="At">When.</param>
/// <param name="Action">What was done.</param>
/// <param name="Actor">The operator, or <c>rollout</c> when the policy decided.</param>
/// <param name="Phase">The phase after the decision.</param>
/// <param name="CanaryWeight">The candidate's share of users after the decision (100 once promoted).</param>
/// <param name="Reason">Why, in words.</param>
/// <param name="Evidence">The numbers.</param>
[GenerateSerializer, Immutable, Alias("InferenceHost.RolloutDecision")]
public sealed record RolloutDecision(
    [property: Id(0)] long Sequence,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] RolloutAction Action,
    [property: Id(3)] string Actor,
    [property: Id(4)] RolloutPhase Phase,
    [property: Id(5)] int CanaryWeight,
    [property: Id(6)] string Reason,
    [property: Id(7)] RolloutEvidence Evidence);

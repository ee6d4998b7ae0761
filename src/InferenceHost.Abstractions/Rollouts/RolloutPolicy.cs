namespace InferenceHost.Abstractions.Rollouts;

/// <summary>How a model's rollouts run. Validated by <see cref="RolloutPolicyRules"/>.</summary>
/// <param name="Mode">Canary ladder or blue/green switch.</param>
/// <param name="ShadowPercent">Share of requests mirrored to the candidate before it serves anyone; 0 skips the shadow phase (canary mode only; blue/green needs it).</param>
/// <param name="Steps">Canary weights, ascending, ending at 100 (promotion).</param>
/// <param name="StepInterval">The least time each step (and the shadow phase) is held.</param>
/// <param name="StepMinRequests">The least candidate requests each step (and the shadow phase) sees before moving on.</param>
/// <param name="EvaluationInterval">How often the gates are evaluated.</param>
/// <param name="MaxDuration">A rollout still inconclusive after this long pauses for an operator.</param>
/// <param name="Alpha">The chance, at most, of rolling back a candidate as good as the baseline (shared by the gates).</param>
/// <param name="Beta">The chance, at most, of promoting a candidate worse than a gate's threshold.</param>
/// <param name="Gates">The comparisons the candidate must pass.</param>
[GenerateSerializer, Immutable, Alias("InferenceHost.RolloutPolicy")]
public sealed record RolloutPolicy(
    [property: Id(0)] RolloutMode Mode,
    [property: Id(1)] int ShadowPercent,
    [property: Id(2)] int[] Steps,
    [property: Id(3)] TimeSpan StepInterval,
    [property: Id(4)] long StepMinRequests,
    [property: Id(5)] TimeSpan EvaluationInterval,
    [property: Id(6)] TimeSpan MaxDuration,
    [property: Id(7)] double Alpha,
    [property: Id(8)] double Beta,
    [property: Id(9)] IReadOnlyList<RolloutGate> Gates);

namespace InferenceHost.Abstractions.Rollouts;

/// <summary>One gate's numbers at one evaluation: the evidence behind a decision.</summary>
/// <param name="Metric">The gate.</param>
/// <param name="Threshold">Its threshold.</param>
/// <param name="Outcome">Pass, fail or inconclusive.</param>
/// <param name="Candidate">The candidate's value of the metric (rate, latency in ms, agreement...).</param>
/// <param name="Baseline">The baseline's value (NaN where the metric has none, e.g. agreement).</param>
/// <param name="Estimate">The compared quantity (difference or ratio, as the gate reads its threshold).</param>
/// <param name="Lower">Lower end of its always-valid confidence interval.</param>
/// <param name="Upper">Upper end.</param>
/// <param name="Samples">Observations behind it (candidate side).</param>
/// <param name="Detail">Other numbers in words (e.g. PSI and KS for drift).</param>
[GenerateSerializer, Immutable, Alias("InferenceHost.GateResult")]
public sealed record GateResult(
    [property: Id(0)] GateMetric Metric,
    [property: Id(1)] double Threshold,
    [property: Id(2)] GateOutcome Outcome,
    [property: Id(3)] double Candidate,
    [property: Id(4)] double Baseline,
    [property: Id(5)] double Estimate,
    [property: Id(6)] double Lower,
    [property: Id(7)] double Upper,
    [property: Id(8)] long Samples,
    [property: Id(9)] string Detail);

using InferenceHost.Abstractions.Rollouts;

namespace InferenceHost.Telemetry.Statistics;

/// <summary>One gate's settings at one evaluation: its threshold and the levels its two decisions use.</summary>
/// <param name="Metric">The gate.</param>
/// <param name="Threshold">Its threshold, read as <see cref="GateMetric"/> says.</param>
/// <param name="PassLevel">Two-sided miss probability of the end that proves the candidate good (the policy's Beta).</param>
/// <param name="FailLevel">Two-sided miss probability of the end that proves it bad (this gate's share of Alpha).</param>
/// <param name="Test">The bound and the indifference zone.</param>
internal readonly record struct GateContext(GateMetric Metric, double Threshold, double PassLevel, double FailLevel, GateTest Test)
{
    /// <summary>Fewer candidate samples than this leave a gate inconclusive: the normal approximation behind every interval needs some.</summary>
    public const long MinimumSamples = 30;

    /// <summary>The radius of the end that proves the candidate good.</summary>
    public double PassRadius(double variance, double margin) => Test.Bound.Radius(variance, PassLevel, margin);

    /// <summary>The radius of the end that proves it bad; <paramref name="split"/> shares the level further (drift's categories).</summary>
    public double FailRadius(double variance, double margin, int split = 1) => Test.Bound.Radius(variance, FailLevel / split, margin);

    public GateResult Inconclusive(double candidate, double baseline, long samples, string detail) =>
        new(Metric, Threshold, GateOutcome.Inconclusive, candidate, baseline, double.NaN, double.NaN, double.NaN, samples, detail);

    public GateResult Result(bool pass, bool fail, double candidate, double baseline, double estimate, double lower, double upper, long samples, string detail) =>
        new(Metric, Threshold, fail ? GateOutcome.Fail : pass ? GateOutcome.Pass : GateOutcome.Inconclusive, candidate, baseline, estimate, lower, upper, samples, detail);
}

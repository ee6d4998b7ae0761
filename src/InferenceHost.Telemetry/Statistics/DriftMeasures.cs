using InferenceHost.Abstractions.Telemetry;

namespace InferenceHost.Telemetry.Statistics;

/// <summary>The drift scores operators know, over counts in the same ordered categories.</summary>
public static class DriftMeasures
{
    /// <summary>
    /// The statistic the rollout's drift gate judges (<see cref="Abstractions.Rollouts.GateMetric.Drift"/>): the largest shift of
    /// any category's share, predicted class or baseline decile of a regressor's values, 0 to 1. NaN where the gate is
    /// inconclusive before measuring: fewer than its minimum outputs on either side, or outputs read differently.
    /// </summary>
    public static double LargestShift(OutputSummary candidate, OutputSummary baseline) =>
        candidate.Rows < GateContext.MinimumSamples || baseline.Rows < GateContext.MinimumSamples || candidate.Kind != baseline.Kind
            ? double.NaN
            : OutputCategories.Of(candidate, baseline).LargestShift().Shift;

    /// <summary>
    /// Population stability index, Σ (c − b) · ln(c / b) over category shares. Half a count is added
    /// to every category first, so a class one side never predicted gives a large finite term, not infinity.
    /// </summary>
    public static double PopulationStability(IReadOnlyList<long> candidate, IReadOnlyList<long> baseline)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(candidate.Count, baseline.Count);
        var candidateTotal = candidate.Sum() + (0.5 * candidate.Count);
        var baselineTotal = baseline.Sum() + (0.5 * baseline.Count);
        double psi = 0;
        for (var k = 0; k < candidate.Count; k++)
        {
            var c = (candidate[k] + 0.5) / candidateTotal;
            var b = (baseline[k] + 0.5) / baselineTotal;
            psi += (c - b) * Math.Log(c / b);
        }

        return psi;
    }

    /// <summary>Kolmogorov–Smirnov distance: the largest gap between the two cumulative shares; 0 when either side is empty.</summary>
    public static double KolmogorovSmirnov(IReadOnlyList<long> candidate, IReadOnlyList<long> baseline)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(candidate.Count, baseline.Count);
        double candidateTotal = candidate.Sum(), baselineTotal = baseline.Sum();
        if (candidateTotal == 0 || baselineTotal == 0)
        {
            return 0;
        }

        double candidateSeen = 0, baselineSeen = 0, distance = 0;
        for (var k = 0; k < candidate.Count; k++)
        {
            candidateSeen += candidate[k];
            baselineSeen += baseline[k];
            distance = Math.Max(distance, Math.Abs((candidateSeen / candidateTotal) - (baselineSeen / baselineTotal)));
        }

        return distance;
    }
}

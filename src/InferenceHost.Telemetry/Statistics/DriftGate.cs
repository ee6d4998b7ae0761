using System.Globalization;
using InferenceHost.Abstractions.Rollouts;
using InferenceHost.Abstractions.Telemetry;

namespace InferenceHost.Telemetry.Statistics;

/// <summary>
/// Output drift: the largest shift of any category's share (predicted class, or baseline decile of a
/// regressor's values). Every category has its own interval on its share difference; passing needs every
/// one inside ±threshold (a truly shifted category must then miss on its own, so Beta needs no split),
/// failing needs any one outside ±threshold × the fail margin (Alpha is split over the categories, since any
/// of them could cause it). PSI and KS are reported beside it; they rank drift but have no interval.
/// </summary>
internal static class DriftGate
{
    public static GateResult Evaluate(GateContext context, OutputSummary candidate, OutputSummary baseline)
    {
        var candidateRows = candidate.Rows;
        if (candidateRows < GateContext.MinimumSamples || baseline.Rows < GateContext.MinimumSamples)
        {
            return context.Inconclusive(double.NaN, double.NaN, candidateRows, string.Create(CultureInfo.InvariantCulture, $"{candidateRows} candidate and {baseline.Rows} baseline outputs, {GateContext.MinimumSamples} needed on each side"));
        }

        if (candidate.Kind != baseline.Kind)
        {
            return context.Inconclusive(double.NaN, double.NaN, candidateRows, $"outputs read differently: candidate {candidate.Kind}, baseline {baseline.Kind}");
        }

        var categories = OutputCategories.Of(candidate, baseline);
        var (candidateTotal, baselineTotal) = (categories.CandidateTotal, categories.BaselineTotal);
        var failAt = context.Test.FailMargin * context.Threshold;
        double lower = 0, upper = 0;
        for (var k = 0; k < categories.Names.Length; k++)
        {
            var shift = categories.Shift(k);
            var variance = new Proportion(categories.Candidate[k], candidateTotal).Variance + new Proportion(categories.Baseline[k], baselineTotal).Variance;
            upper = Math.Max(upper, shift + context.PassRadius(variance, context.Threshold));
            lower = Math.Max(lower, shift - context.FailRadius(variance, context.Threshold, categories.Names.Length));
        }

        var (estimate, worst) = categories.LargestShift();
        var candidateShare = (double)categories.Candidate[worst] / candidateTotal;
        var baselineShare = (double)categories.Baseline[worst] / baselineTotal;
        return context.Result(
            pass: upper < context.Threshold,
            fail: lower > failAt,
            candidateShare,
            baselineShare,
            estimate,
            lower,
            upper,
            candidateRows,
            string.Create(
                CultureInfo.InvariantCulture,
                $"largest shift {categories.Names[worst]}: {candidateShare:P1} vs {baselineShare:P1} over {categories.Names.Length} categories; PSI {DriftMeasures.PopulationStability(categories.Candidate, categories.Baseline):0.####}, KS {DriftMeasures.KolmogorovSmirnov(categories.Candidate, categories.Baseline):0.####}"));
    }
}

using System.Globalization;
using InferenceHost.Abstractions.Rollouts;
using InferenceHost.Abstractions.Telemetry;

namespace InferenceHost.Telemetry.Statistics;

/// <summary>The gates that compare two rates: the difference (worse side minus better side) must stay below the threshold.</summary>
internal static class RateGates
{
    public static GateResult ErrorRate(GateContext context, VersionAggregate candidate, VersionAggregate baseline) =>
        Compare(context, new Proportion(candidate.Errors, candidate.Requests), new Proportion(baseline.Errors, baseline.Requests), higherIsWorse: true, "errors per request");

    /// <summary>Per answered request: a request that failed has no output to be invalid.</summary>
    public static GateResult InvalidOutputs(GateContext context, VersionAggregate candidate, VersionAggregate baseline) =>
        Compare(context, new Proportion(candidate.InvalidOutputs, Answered(candidate)), new Proportion(baseline.InvalidOutputs, Answered(baseline)), higherIsWorse: true, "NaN or infinite outputs per answered request");

    public static GateResult Accuracy(GateContext context, VersionAggregate candidate, VersionAggregate baseline)
    {
        if (candidate.Outputs.Kind == OutputKind.Regressor || baseline.Outputs.Kind == OutputKind.Regressor)
        {
            // Feedback for regressors carries only a sum of absolute errors, no spread: no valid interval can be built from it.
            return context.Inconclusive(double.NaN, double.NaN, candidate.Feedback.Labelled, "accuracy needs a classifier; regressor feedback has no variance to test");
        }

        return Compare(
            context,
            new Proportion(candidate.Feedback.Correct, candidate.Feedback.Labelled),
            new Proportion(baseline.Feedback.Correct, baseline.Feedback.Labelled),
            higherIsWorse: false,
            "correct per labelled prediction");
    }

    private static long Answered(VersionAggregate aggregate) => aggregate.Requests - aggregate.Errors - aggregate.BadInput;

    private static GateResult Compare(GateContext context, Proportion candidate, Proportion baseline, bool higherIsWorse, string unit)
    {
        var samples = (long)candidate.Total;
        if (candidate.Total < GateContext.MinimumSamples || baseline.Total < GateContext.MinimumSamples)
        {
            return context.Inconclusive(candidate.Rate, baseline.Rate, samples, string.Create(CultureInfo.InvariantCulture, $"{unit}: {candidate.Total} candidate and {baseline.Total} baseline samples, {GateContext.MinimumSamples} needed on each side"));
        }

        // Oriented so that positive is always "candidate worse", whichever way the rate reads.
        var worse = higherIsWorse ? candidate.Rate - baseline.Rate : baseline.Rate - candidate.Rate;
        var variance = candidate.Variance + baseline.Variance;
        var upper = worse + context.PassRadius(variance, context.Threshold);
        var lower = worse - context.FailRadius(variance, context.Threshold);
        return context.Result(
            pass: upper < context.Threshold,
            fail: lower > context.Test.FailMargin * context.Threshold,
            candidate.Rate,
            baseline.Rate,
            worse,
            lower,
            upper,
            samples,
            string.Create(CultureInfo.InvariantCulture, $"{unit}: candidate {candidate.Count:0}/{candidate.Total:0}, baseline {baseline.Count:0}/{baseline.Total:0}"));
    }
}

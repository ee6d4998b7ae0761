using System.Globalization;
using InferenceHost.Abstractions.Rollouts;
using InferenceHost.Abstractions.Telemetry;

namespace InferenceHost.Telemetry.Statistics;

/// <summary>
/// Top-1 agreement with the primary on the same mirrored requests, against a floor: no baseline to compare,
/// the primary is the reference. Passes when the interval's lower end reaches the floor, fails when its
/// upper end is below it (a candidate at the floor is acceptable, so the fail side needs no margin of its own).
/// </summary>
internal static class AgreementGate
{
    public static GateResult Evaluate(GateContext context, VersionAggregate candidate)
    {
        var agreement = candidate.Agreement;
        var meanDifference = agreement.Elements > 0 ? agreement.AbsoluteDifferenceSum / agreement.Elements : double.NaN;
        var detail = string.Create(CultureInfo.InvariantCulture, $"{agreement.Top1Agreements} of {agreement.Pairs} mirrored pairs agree; mean absolute difference {meanDifference:G4}");
        if (candidate.Outputs.Kind == OutputKind.Regressor)
        {
            return context.Inconclusive(double.NaN, double.NaN, agreement.Pairs, "top-1 agreement needs a classifier; " + detail);
        }

        var rate = new Proportion(agreement.Top1Agreements, agreement.Pairs);
        if (agreement.Pairs < GateContext.MinimumSamples)
        {
            return context.Inconclusive(rate.Rate, double.NaN, agreement.Pairs, string.Create(CultureInfo.InvariantCulture, $"{GateContext.MinimumSamples} mirrored pairs needed; ") + detail);
        }

        var margin = 1 - context.Threshold;
        var lower = rate.Rate - context.PassRadius(rate.Variance, margin);
        var upper = rate.Rate + context.FailRadius(rate.Variance, margin);
        return context.Result(
            pass: lower >= context.Threshold,
            fail: upper < context.Threshold,
            rate.Rate,
            double.NaN,
            rate.Rate,
            lower,
            upper,
            agreement.Pairs,
            detail);
    }
}

using System.Globalization;
using InferenceHost.Abstractions.Rollouts;
using InferenceHost.Abstractions.Telemetry;

namespace InferenceHost.Telemetry.Statistics;

/// <summary>
/// A latency quantile ratio, candidate ÷ baseline, tested through ranks: the candidate's q-quantile is
/// below r × the baseline's exactly when the candidate's share of requests slower than r × the baseline's
/// quantile is below 1 − q. That share is a proportion, so the always-valid interval on a proportion
/// gives one on the quantile (the distribution-free order-statistic interval, read at shifted ranks).
/// </summary>
internal static class LatencyGate
{
    public static GateResult Evaluate(GateContext context, double quantile, VersionAggregate candidate, VersionAggregate baseline)
    {
        var candidateCount = candidate.Latency.Total;
        var baselineCount = baseline.Latency.Total;
        var candidateMs = HistogramQuantiles.LatencyMilliseconds(candidate.Latency, quantile);
        var baselineMs = HistogramQuantiles.LatencyMilliseconds(baseline.Latency, quantile);
        if (candidateCount < GateContext.MinimumSamples || baselineCount < GateContext.MinimumSamples)
        {
            return context.Inconclusive(candidateMs, baselineMs, candidateCount, string.Create(CultureInfo.InvariantCulture, $"{candidateCount} candidate and {baselineCount} baseline latencies, {GateContext.MinimumSamples} needed on each side"));
        }

        // Rank variance q(1−q)/n from each side: where the candidate is the baseline scaled by the ratio (the case the
        // threshold describes), the baseline quantile's own uncertainty moves the candidate's share by exactly its rank variance.
        var tail = 1 - quantile;
        var variance = quantile * tail * ((1.0 / candidateCount) + (1.0 / baselineCount));
        var passRank = quantile + context.PassRadius(variance, tail);
        var failRank = quantile - context.FailRadius(variance, tail);
        var upper = passRank < 1 ? HistogramQuantiles.LatencyMilliseconds(candidate.Latency, passRank) / baselineMs : double.PositiveInfinity;
        var lower = failRank > 0 ? HistogramQuantiles.LatencyMilliseconds(candidate.Latency, failRank) / baselineMs : 0;
        var failRatio = 1 + (context.Test.FailMargin * (context.Threshold - 1));
        return context.Result(
            pass: upper < context.Threshold,
            fail: lower > failRatio,
            candidateMs,
            baselineMs,
            candidateMs / baselineMs,
            lower,
            upper,
            candidateCount,
            string.Create(CultureInfo.InvariantCulture, $"p{quantile * 100:0} {candidateMs:0.###} ms vs {baselineMs:0.###} ms; interval from the candidate's p{failRank * 100:0.#} and p{Math.Min(passRank, 1) * 100:0.#}; fails above {failRatio:0.###}"));
    }
}

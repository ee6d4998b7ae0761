using InferenceHost.Abstractions.Telemetry;

namespace InferenceHost.Telemetry.Statistics;

/// <summary>The points of a <see cref="TelemetrySeries"/>: one version's step read as a chart shows it, the same numbers the gates and <see cref="VersionSummary"/> read.</summary>
public static class SeriesPoints
{
    /// <summary>
    /// The point of <paramref name="counts"/>, one step of <paramref name="step"/> starting at <paramref name="time"/>;
    /// its drift against <paramref name="baseline"/>'s counts in the same step, none when null (the baseline itself, or no baseline).
    /// </summary>
    public static SeriesPoint Of(DateTimeOffset time, TimeSpan step, VersionAggregate counts, VersionAggregate? baseline)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(step, TimeSpan.Zero);
        var summary = VersionSummary.Of(counts);
        var latency = double.IsNaN(summary.P50Milliseconds)
            ? null
            : new LatencyQuantiles(summary.P50Milliseconds, summary.P95Milliseconds, summary.P99Milliseconds);
        return new SeriesPoint(
            time,
            counts.Requests,
            counts.Requests / step.TotalSeconds,
            counts.Errors,
            Value(summary.ErrorRate),
            counts.InvalidOutputs,
            Value(summary.InvalidOutputRate),
            latency,
            baseline is null ? null : Value(DriftMeasures.LargestShift(counts.Outputs, baseline.Outputs)),
            Value(summary.Agreement),
            Value(summary.Accuracy));
    }

    /// <summary>The summary's NaN (no data) as null, which is how a series says it.</summary>
    private static double? Value(double statistic) => double.IsNaN(statistic) ? null : statistic;
}

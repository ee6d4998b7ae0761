using InferenceHost.Abstractions.Telemetry;
using InferenceHost.Telemetry.Scales;

namespace InferenceHost.Telemetry.Statistics;

/// <summary>Quantiles read back from a latency histogram.</summary>
public static class HistogramQuantiles
{
    /// <summary>The <paramref name="quantile"/> (0 to 1) of a <see cref="LatencyScale"/> histogram, in milliseconds; NaN when it is empty.</summary>
    public static double LatencyMilliseconds(SparseHistogram latency, double quantile)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(quantile, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quantile, 1);
        var total = latency.Total;
        if (total == 0)
        {
            return double.NaN;
        }

        // The rank of the quantile, as DDSketch reads it: the bucket holding the ⌈q·(n−1)⌉-th smallest value.
        var rank = (long)Math.Ceiling(quantile * (total - 1));
        long seen = 0;
        for (var i = 0; i < latency.Indexes.Length; i++)
        {
            seen += latency.Counts[i];
            if (seen > rank)
            {
                return LatencyScale.ValueOf(latency.Indexes[i]) / 1000;
            }
        }

        return LatencyScale.ValueOf(latency.Indexes[^1]) / 1000;
    }
}

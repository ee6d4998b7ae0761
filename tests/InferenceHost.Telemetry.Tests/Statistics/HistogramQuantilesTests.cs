using InferenceHost.Telemetry.Statistics;

namespace InferenceHost.Telemetry.Tests.Statistics;

public class HistogramQuantilesTests
{
    [Theory]
    [InlineData(0.5)]
    [InlineData(0.95)]
    [InlineData(0.99)]
    public void LatencyMilliseconds_LognormalSamples_WithinOnePercentOfExact(double quantile)
    {
        var random = new Random(3);
        var samples = Enumerable.Range(0, 20_000).Select(_ => 20 * Math.Exp(0.5 * Aggregates.Normal(random))).Order().ToArray();
        var histogram = Aggregates.Histogram(Buckets(samples));
        var exact = samples[(int)Math.Ceiling(quantile * (samples.Length - 1))];

        var read = HistogramQuantiles.LatencyMilliseconds(histogram, quantile);

        Assert.InRange(read / exact, 0.99, 1.01);
    }

    [Fact]
    public void LatencyMilliseconds_Empty_IsNaN() =>
        Assert.True(double.IsNaN(HistogramQuantiles.LatencyMilliseconds(Abstractions.Telemetry.SparseHistogram.Empty, 0.5)));

    private static long[] Buckets(double[] milliseconds)
    {
        var dense = new long[Scales.LatencyScale.BucketCount];
        foreach (var ms in milliseconds)
        {
            dense[Scales.LatencyScale.IndexOf(ms * 1000)]++;
        }

        return dense;
    }
}

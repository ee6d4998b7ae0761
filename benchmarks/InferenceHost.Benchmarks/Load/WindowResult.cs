namespace InferenceHost.Benchmarks.Load;

/// <summary>What one measurement window saw: completed requests per second and latency percentiles.</summary>
internal readonly record struct WindowResult(long Requests, double Throughput, double P50Ms, double P95Ms, double P99Ms)
{
    public static WindowResult From(LatencyHistogram latencies, long elapsedTicks, long ticksPerSecond)
    {
        var seconds = (double)elapsedTicks / ticksPerSecond;
        return new WindowResult(
            latencies.Count,
            latencies.Count / seconds,
            Milliseconds(latencies.Percentile(0.50), ticksPerSecond),
            Milliseconds(latencies.Percentile(0.95), ticksPerSecond),
            Milliseconds(latencies.Percentile(0.99), ticksPerSecond));
    }

    private static double Milliseconds(long ticks, long ticksPerSecond) => ticks * 1000.0 / ticksPerSecond;
}

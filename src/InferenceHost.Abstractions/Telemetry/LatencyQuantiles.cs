namespace InferenceHost.Abstractions.Telemetry;

/// <summary>Latency quantiles read from the mergeable latency sketch, in milliseconds (within the sketch's 1% relative accuracy).</summary>
/// <param name="P50">Median.</param>
/// <param name="P95">95th percentile.</param>
/// <param name="P99">99th percentile.</param>
[GenerateSerializer, Immutable, Alias("InferenceHost.LatencyQuantiles")]
public sealed record LatencyQuantiles(
    [property: Id(0)] double P50,
    [property: Id(1)] double P95,
    [property: Id(2)] double P99);

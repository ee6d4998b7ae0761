namespace InferenceHost.Benchmarks.Reporting;

/// <summary>
/// One line of the results: medians over rounds of throughput and latency percentiles, and the
/// per-round throughput ratio to the baseline (raw ONNX Runtime, or the 1-silo cluster; for the baseline's
/// row itself: the A/A ratio, second ÷ first baseline window), and medians of the server's CPU time and
/// allocated bytes per request (NaN for raw), and the median CPU time per request of the benchmark process itself
/// (the load generator's; for raw, the inference's too).
/// </summary>
internal sealed record ResultRow(
    string Model,
    string Mode,
    int Concurrency,
    double Throughput,
    double P50Ms,
    double P95Ms,
    double P99Ms,
    Ratio RatioToBaseline,
    double ServerCpuMicroseconds,
    double ServerAllocatedBytes,
    double BenchmarkCpuMicroseconds);

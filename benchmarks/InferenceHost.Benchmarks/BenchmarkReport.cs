namespace InferenceHost.Benchmarks;

/// <summary>What a run writes: the Markdown results and the throughput chart (SVG) they link.</summary>
internal sealed record BenchmarkReport(string Markdown, string ChartSvg);

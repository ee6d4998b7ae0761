using System.Text;
using InferenceHost.Benchmarks.Reporting;
using InferenceHost.Benchmarks.Workloads;

namespace InferenceHost.Benchmarks.ScaleOut;

/// <summary>
/// SCALEOUT.md: how and where it was measured, a row per (protocol, cluster size), the 2 ÷ 1 and 3 ÷ 1 ratios
/// against the A/A noise floor, and what the numbers mean for a real cluster (<see cref="ScaleOutOutlook"/>).
/// </summary>
internal static class ScaleOutReport
{
    public static string Render(IReadOnlyList<ScaleOutRow> rows, RunEnvironment environment, BenchmarkOptions options, ModelWorkload workload, int concurrency)
    {
        var text = new StringBuilder();
        Line(text, "# InferenceHost scale-out: 1, 2 and 3 silos");
        Line(text);
        Line(text, "Written by `dotnet run -c Release --project benchmarks/InferenceHost.Benchmarks -- --scale-out` (see benchmarks/README.md); each run overwrites it.");
        Line(text);
        MarkdownReport.WriteEnvironment(text, environment, options.ServerCpus, "load generator", "CPU execution provider");
        Line(text, $"- Method: {MarkdownReport.Method(options)}; per protocol, each round measures the 1-silo cluster, the 2- and 3-silo clusters (3 before 2 in every second round), then the 1-silo cluster again; `{workload.Model}` version {ModelWorkload.Version} named in the request, concurrency {concurrency}, closed loop, one request of batch 1 in flight per worker");
        Line(text, "- Clusters: one redis-server on a free loopback port (temporary folder, nothing persisted) and three Orleans clusters on it, of 1, 2 and 3 host processes (`InferenceHost:Cluster:Mode=Redis`, `InferenceHost:Storage:Mode=Redis`, as deploy/local-cluster.sh runs them), each over a repository holding only this model; each cluster is checked to have formed (every silo listed, the version ready on each) and every silo's answer to match raw ONNX Runtime. All six silos run throughout, so every window has the same idle neighbours.");
        Line(text, "- Load balancing: the load generator spreads requests round robin over the driven cluster's silos, request by request, as an L7 balancer would (HTTP/1.1: keep-alive connections to every silo; gRPC: one HTTP/2 channel per silo). Server CPU is the CPU time of that cluster's silos (Redis not included).");
        Line(text);
        WriteResults(text, rows);
        WriteScaling(text, rows, options.Rounds);
        ScaleOutOutlook.Write(text, rows, environment.Machine.Cpus, workload.Model);
        WriteReading(text);
        return text.ToString();
    }

    private static void WriteResults(StringBuilder text, IReadOnlyList<ScaleOutRow> rows)
    {
        Line(text, "## Results");
        Line(text);
        Line(text, "| protocol | silos | req/s | p50 ms | p99 ms | server CPU µs/req | server bytes/req | CPUs busy: silos | CPUs busy: load generator | ÷ 1 silo, median | ÷ 1 silo, min–max |");
        Line(text, "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|");
        foreach (var row in rows)
        {
            var result = row.Result;
            var ratio = result.RatioToBaseline;
            Line(text,
                $"| {row.Protocol} | {row.Silos} | {result.Throughput:F0} | {MarkdownReport.Latency(result.P50Ms)} | {MarkdownReport.Latency(result.P99Ms)} " +
                $"| {MarkdownReport.Cost(result.ServerCpuMicroseconds, "F1")} | {MarkdownReport.Cost(result.ServerAllocatedBytes, "N0")} " +
                $"| {MarkdownReport.Cost(row.ServerCores, "F2")} | {MarkdownReport.Cost(row.LoadGeneratorCores, "F2")} " +
                $"| {(row.Silos == 1 ? "A/A " : string.Empty)}{ratio.Median:F3} | {ratio.Min:F3}–{ratio.Max:F3} |");
        }

        Line(text);
    }

    private static void WriteScaling(StringBuilder text, IReadOnlyList<ScaleOutRow> rows, int rounds)
    {
        Line(text, "## Scaling");
        Line(text);
        Line(text, $"Throughput of the larger cluster ÷ the mean of the two 1-silo windows around it, per round; median and min–max over {rounds} rounds. The A/A row of the same protocol (the 1-silo cluster's second window ÷ its first) is the noise floor.");
        Line(text);
        Line(text, "| ratio | protocol | median | min–max | A/A min–max | reading |");
        Line(text, "|---|---|--:|--:|--:|---|");
        foreach (var protocol in rows.GroupBy(row => row.Protocol))
        {
            var noise = protocol.Single(row => row.Silos == 1).Result.RatioToBaseline;
            foreach (var row in protocol.Where(row => row.Silos > 1))
            {
                var ratio = row.Result.RatioToBaseline;
                Line(text, $"| {row.Silos} silos ÷ 1 | {row.Protocol} | {ratio.Median:F3} | {ratio.Min:F3}–{ratio.Max:F3} | {noise.Min:F3}–{noise.Max:F3} | {Reading(ratio, noise)} |");
            }
        }

        Line(text);
        var noisy = rows.Where(row => row.Silos == 1 && !IsQuiet(row.Result.RatioToBaseline)).Select(row => row.Protocol).ToList();
        if (noisy.Count > 0)
        {
            Line(text, $"The A/A spread of {string.Join(" and ", noisy)} reaches beyond ±{QuietSpread * 100:F0}% of 1: the machine's pace changed within rounds (other processes, see the header; or servers still warming up), " +
                "so this run can tell only large differences. Rerun on a quiet machine, with more rounds, before reading anything finer into the ratios.");
            Line(text);
        }
    }

    // Beyond ±10% of 1 the A/A spread hides what is expected here: cluster overhead of a few to some tens of percent.
    private const double QuietSpread = 0.10;

    private static bool IsQuiet(Ratio noise) => noise.Min >= 1 - QuietSpread && noise.Max <= 1 + QuietSpread;

    private static string Reading(Ratio ratio, Ratio noise) =>
        ratio.Max < noise.Min ? "lower than 1 silo, beyond the noise"
        : ratio.Min > noise.Max ? "higher than 1 silo, beyond the noise"
        : "within the noise: no change this run can tell";

    private static void WriteReading(StringBuilder text)
    {
        Line(text, "## Reading it");
        Line(text);
        Line(text, "req/s and latencies are medians over the rounds. Server CPU µs/req is the driven cluster's CPU time over a window");
        Line(text, "÷ its requests; server bytes/req is what the silos' GCs report allocated (`dotnet_gc_heap_total_allocated_bytes_total`)");
        Line(text, "÷ requests. CPUs busy is CPU seconds per second of window: the cluster's silos, and this process (the load");
        Line(text, "generator, the client half of every request); with the other processes of the header's \"while it ran\" they");
        Line(text, "share the machine's CPUs. A ratio whose min–max overlaps the A/A min–max cannot be told from 1 silo in this run.");
        Line(text, "Absolute req/s drift by 30% or more between runs on shared machines: compare the ratios of one run, not req/s across runs.");
    }

    private static void Line(StringBuilder text, string line = "") => MarkdownReport.Line(text, line);
}

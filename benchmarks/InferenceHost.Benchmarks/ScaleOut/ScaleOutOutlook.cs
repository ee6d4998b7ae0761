using System.Text;
using InferenceHost.Benchmarks.Reporting;

namespace InferenceHost.Benchmarks.ScaleOut;

/// <summary>
/// The part of SCALEOUT.md that explains the numbers: why more silos on one small machine cannot serve more,
/// why the host should scale with nodes on a real cluster, and what a node of N cores gives by this run's
/// CPU cost per request of the 1-silo cluster.
/// </summary>
internal static class ScaleOutOutlook
{
    private static readonly int[] NodeCores = [4, 8, 16, 32];

    public static void Write(StringBuilder text, IReadOnlyList<ScaleOutRow> rows, int cpus, string model)
    {
        var single = rows.Where(row => row.Silos == 1).ToList();
        var largest = rows.Where(row => row.Silos == rows.Max(other => other.Silos)).ToList();
        WriteThisMachine(text, single, largest, cpus);
        WriteCrossSilo(text);
        WriteRealCluster(text, single, model);
    }

    private static void WriteThisMachine(StringBuilder text, IReadOnlyList<ScaleOutRow> single, IReadOnlyList<ScaleOutRow> largest, int cpus)
    {
        Line(text, "## Why it does not scale on this machine");
        Line(text);
        Line(text, $"Every silo of every cluster runs on this machine's {cpus} CPUs, next to the load generator (this process: the client half of every request) and whatever else runs " +
            "(the header's \"while it ran\"). " +
            $"With 1 silo, the silo and the load generator kept {Each(single, row => $"{Cpus(row.ServerCores)} and {Cpus(row.LoadGeneratorCores)} CPUs busy under {row.Protocol}")}. " +
            "A second or third silo can only add the CPU left idle, and on 2 cores there is little or none: the silos share the same CPUs, and each adds overhead of its own " +
            "(thread pool, GC heaps, Orleans membership probes, a telemetry flush a second, connections of its own, fewer requests per system call). " +
            "So throughput cannot grow much here and may drop; the ratios above measure that overhead, not the host's capacity to scale out. " +
            $"Server CPU per request went from {Each(single.Zip(largest), pair => $"{Micros(pair.First)} with 1 silo to {Micros(pair.Second)} with {pair.Second.Silos} ({pair.First.Protocol})")}.");
        Line(text);
    }

    private static void WriteCrossSilo(StringBuilder text)
    {
        Line(text, "## Requests that crossed silos");
        Line(text);
        Line(text, "Not measured: the host exports no count of calls between silos (its `/metrics` carries the `InferenceHost` meter and the .NET runtime's, not Orleans' `Microsoft.Orleans` meter, whose `orleans-messaging-*` instruments would show them). " +
            "By design the share is zero for a version every silo serves: the endpoint runs it in process on the receiving silo's own session, with no grain call; only a version the silo cannot serve itself (a GPU-only model on a CPU node) is forwarded to a silo that serves it.");
        Line(text);
    }

    private static void WriteRealCluster(StringBuilder text, IReadOnlyList<ScaleOutRow> single, string model)
    {
        Line(text, "## What to expect on a real cluster");
        Line(text);
        Line(text, "On a real cluster each silo has a node of its own, behind a load balancer. A request stays on the silo that received it: the version is picked from the silo's cached route table " +
            "and run in process on that silo's own ONNX Runtime session. Nothing per request goes to another silo, to Redis or to a single grain: the router grain is asked only when a " +
            "deployment changes (silos cache its table and are told of changes), each model's telemetry grain receives one flush per silo a second (its load grows with silos, not with requests), and " +
            "Redis holds membership and persisted state. So throughput should grow roughly linearly with nodes, K nodes ≈ K × one node, until the load balancer, the network, or at hundreds of " +
            "silos the per-model telemetry grain bounds it.");
        Line(text);
        Line(text, $"What one node gives, from this run's 1-silo numbers for `{model}`: the silo spent {Each(single, row => $"{Micros(row)} of CPU per {row.Protocol} request")}, so every CPU it keeps busy serves about " +
            $"{Each(single, row => $"{Approximate(PerCore(row))} {row.Protocol}")} requests a second. A node of N cores, its clients elsewhere, should give about N times that:");
        Line(text);
        Line(text, $"| node cores | {string.Join(" | ", single.Select(row => $"{row.Protocol} req/s"))} |");
        Line(text, $"|--:|{string.Concat(single.Select(_ => "--:|"))}");
        foreach (var cores in NodeCores)
        {
            Line(text, $"| {cores} | {string.Join(" | ", single.Select(row => $"≈ {Approximate(cores * PerCore(row))}"))} |");
        }

        Line(text);
        Line(text, "These are estimates, not measurements: they assume a silo uses N cores as well as it used this machine's (ASP.NET Core, Orleans and ONNX Runtime with one intra-op thread per " +
            "session spread concurrent requests over cores well, but not perfectly: expect somewhat less at 16 to 32 cores), while CPU per request measured on a busy, shared virtual machine is if anything " +
            "high. For a model whose inference dominates (ResNet18: tens of milliseconds on a CPU), a node's throughput is the model's own, about N ÷ the inference time on N cores, and the host's " +
            "per-request cost matters little (RESULTS.md).");
        Line(text);
    }

    private static double PerCore(ScaleOutRow row) => 1e6 / row.Result.ServerCpuMicroseconds;

    private static string Micros(ScaleOutRow row) => $"{row.Result.ServerCpuMicroseconds:F0} µs";

    // Two significant digits: estimates from one run on a shared machine deserve no more.
    private static string Approximate(double value)
    {
        if (double.IsNaN(value) || double.IsInfinity(value) || value <= 0)
        {
            return "?";
        }

        var unit = Math.Pow(10, Math.Floor(Math.Log10(value)) - 1);
        return $"{Math.Round(value / unit) * unit:N0}";
    }

    private static string Cpus(double cores) => $"{cores:F2}";

    private static string Each<T>(IEnumerable<T> items, Func<T, string> describe) => string.Join(" and ", items.Select(describe));

    private static void Line(StringBuilder text, string line = "") => MarkdownReport.Line(text, line);
}

using System.Globalization;
using System.Text;
using InferenceHost.Benchmarks.Targets;
using InferenceHost.Benchmarks.Workloads;

namespace InferenceHost.Benchmarks.Reporting;

/// <summary>Writes the results as Markdown: how and where they were measured, then one table per model.</summary>
internal static class MarkdownReport
{
    private static readonly string[] ModeOrder =
    [
        TargetModes.Raw, TargetModes.HttpJson, TargetModes.HttpBinary, TargetModes.GrpcRaw, TargetModes.SplitHttpJson, TargetModes.SplitGrpcRaw,
        TargetModes.NoTelemetryGrpcRaw, TargetModes.BatchingGrpcRaw, TargetModes.PlainHttpJson, TargetModes.PlainGrpcRaw, TargetModes.NginxHttpJson,
        TargetModes.CeilingHttpBinary, TargetModes.CeilingGrpcRaw,
    ];

    public static string Render(IReadOnlyList<ResultRow> rows, IReadOnlyList<TargetRow> targets, BenchmarkRunContext context)
    {
        var text = new StringBuilder();
        Line(text, "# InferenceHost benchmark results");
        Line(text);
        Line(text, "Written by `benchmarks/InferenceHost.Benchmarks` (see benchmarks/README.md); each run overwrites it.");
        Line(text);
        WriteSetup(text, context);
        TargetTable.Write(text, targets, context);
        Line(text, $"![Throughput per mode and concurrency]({context.ChartFileName})");
        Line(text);
        foreach (var workload in context.Workloads)
        {
            WriteTable(text, workload, rows.Where(row => row.Model == workload.Model));
        }

        WriteReading(text, context.Options);
        return text.ToString();
    }

    private static void WriteSetup(StringBuilder text, BenchmarkRunContext context)
    {
        var options = context.Options;
        var onCuda = string.Join(", ", context.Workloads.Where(workload => workload.OnCuda).Select(workload => workload.Model));
        var providers = onCuda.Length == 0 ? "CPU execution provider" : $"CUDA execution provider for {onCuda}, CPU for the rest";
        WriteEnvironment(text, context.Environment, options.ServerCpus, "load generator and raw ONNX Runtime", providers);
        Line(text, $"- Method: {Method(options)}; each round measures every cell raw, host modes (and at the comparison concurrency the other servers), raw; closed loop, one request of batch 1 in flight per worker");
        Line(text, context.Workloads.Any(workload => workload.ComparisonConcurrency is not null)
            ? $"- Servers, each a child process on the host's CPUs: the host (URL version 1: pinned; no version: a 3-way split blue 1 60% / green 2 20% / canary 3 20%), the host with `InferenceHost:Telemetry:Enabled=false`, the host with dynamic batching for the compared model (200 µs, preferred 16 and 32), a plain ASP.NET Core + ONNX Runtime server (benchmarks/InferenceHost.PlainServer), and {(context.NginxMeasured ? "NGINX (`split_clients` 80/20, one process) over that plain server and a second one (gRPC through NGINX is not measured); and the ceiling, NGINX answering every request with the host's recorded answer from a static file (HTTP/1.1 and gRPC over HTTP/2), which leaves the load generator all its work and the server next to none" : "no NGINX (`nginx` is not on PATH: its rows are skipped)")}"
            : "- Servers: the host alone, a child process (URL version 1: pinned)");
        Line(text, Gpu(context));
        Line(text);
    }

    private static string Gpu(BenchmarkRunContext context)
    {
        var cuda = context.Cuda;
        if (!cuda.Usable)
        {
            return $"- GPU: none used; ONNX Runtime's CUDA provider is not usable here ({cuda.UnusableReason}); `nvidia-smi`: {cuda.Name}";
        }

        var models = string.Join(", ", context.Workloads.Where(workload => workload.OnCuda).Select(workload => workload.Model));
        return $"- GPU: {cuda.Name}; {models} on CUDA device {CudaDevice.DeviceId}: raw ORT with one I/O binding per worker " +
            $"(input and outputs in pinned host arrays, copied to and from the device by each run; no CUDA graphs), the host on {context.HostDevice?.ToString() ?? "an unknown device"}";
    }

    /// <summary>The header lines every report shares: date, machine, software, load, CPUs, command.</summary>
    /// <param name="text">The report so far.</param>
    /// <param name="environment">Where and how the run was made.</param>
    /// <param name="serverCpus">The CPUs the servers were pinned to, or null.</param>
    /// <param name="benchmarkRole">What the benchmark process runs, for the CPUs line.</param>
    /// <param name="providers">The execution providers the sessions use, for the software line.</param>
    internal static void WriteEnvironment(StringBuilder text, RunEnvironment environment, string? serverCpus, string benchmarkRole, string providers)
    {
        var machine = environment.Machine;
        Line(text, $"- Date: {environment.StartedAt:yyyy-MM-dd HH:mm} UTC");
        Line(text, $"- Machine: `nproc` {machine.Cpus}, {machine.CpuModel}; {machine.Os}");
        Line(text, $"- Software: {machine.Runtime}, ONNX Runtime {machine.OnnxRuntime} ({providers}, 1 intra-op thread per session), {environment.Configuration} build");
        Line(text, $"- Load average (1, 5, 15 min): {environment.LoadAtStart} before the run; while it ran: {environment.Contention}");
        Line(text, $"- CPUs: server processes {serverCpus ?? "unpinned"}; benchmark process ({benchmarkRole}) {machine.BenchmarkCpus}");
        Line(text, $"- Command: `{environment.Command}`");
    }

    /// <summary>"5 rounds, 3 s windows, 48 s warm-up".</summary>
    internal static string Method(BenchmarkOptions options) =>
        $"{options.Rounds} rounds, {Number(options.WindowSeconds)} s windows, {Number(options.WarmupSeconds)} s warm-up";

    private static void WriteTable(StringBuilder text, ModelWorkload workload, IEnumerable<ResultRow> rows)
    {
        var device = workload.OnCuda ? "; raw ORT and the host on CUDA" : string.Empty;
        Line(text, $"## {workload.Model} (input `{workload.InputName}` FP32 [{string.Join(',', workload.InputShape)}], {workload.InputBytes:N0} bytes{device})");
        Line(text);
        Line(text, "| mode | concurrency | req/s | p50 ms | p95 ms | p99 ms | ÷ raw, median | ÷ raw, min–max | server CPU µs/req | server bytes/req | load generator CPU µs/req |");
        Line(text, "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|");
        foreach (var row in rows.OrderBy(row => row.Concurrency).ThenBy(row => Array.IndexOf(ModeOrder, row.Mode)))
        {
            var control = row.Mode == TargetModes.Raw ? "A/A " : string.Empty;
            Line(text,
                $"| {row.Mode} | {row.Concurrency} | {row.Throughput:F0} | {Latency(row.P50Ms)} | {Latency(row.P95Ms)} | {Latency(row.P99Ms)} " +
                $"| {control}{row.RatioToBaseline.Median:F3} | {row.RatioToBaseline.Min:F3}–{row.RatioToBaseline.Max:F3} | {Cost(row.ServerCpuMicroseconds, "F1")} | {Cost(row.ServerAllocatedBytes, "N0")} | {Cost(row.BenchmarkCpuMicroseconds, "F1")} |");
        }

        Line(text);
    }

    private static void WriteReading(StringBuilder text, BenchmarkOptions options)
    {
        Line(text, "Reading it: req/s and latencies are medians over the rounds. \"÷ raw\" is host throughput divided by");
        Line(text, "the mean of the two raw windows that bracket it in the same round, one ratio per round; the raw rows");
        Line(text, "show the A/A control instead (second raw window ÷ first), the noise floor. A host ratio whose");
        Line(text, $"min–max overlaps the A/A spread cannot be told apart from raw in {options.Rounds} rounds. Server CPU is the");
        Line(text, "server processes' CPU time over the window ÷ its requests (for the NGINX split: nginx and both plain servers);");
        Line(text, "server bytes are what the server's GC reports allocated over the window ÷ its requests (the host's");
        Line(text, "`dotnet_gc_heap_total_allocated_bytes_total` from /metrics; the plain servers' own counter), medians over rounds.");
        Line(text, "Load generator CPU is the benchmark process's CPU time over the window ÷ its requests (for raw, the");
        Line(text, "inference itself); times req/s it is how many CPUs the load generator kept busy: near the CPUs it may");
        Line(text, "use (one when pinned), the load generator, not the server, bounds the window. The ceiling rows (NGINX");
        Line(text, "replaying the host's recorded answers) show where that happens with a server that does next to nothing.");
    }

    internal static string Cost(double value, string format) => double.IsNaN(value) ? "—" : value.ToString(format, CultureInfo.InvariantCulture);

    internal static string Latency(double milliseconds) => milliseconds < 10 ? milliseconds.ToString("F3", CultureInfo.InvariantCulture) : milliseconds.ToString("F1", CultureInfo.InvariantCulture);

    private static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    internal static void Line(StringBuilder text, string line = "") => text.Append(line).Append('\n');
}

using System.Globalization;
using System.Text;
using InferenceHost.Benchmarks.Rounds;
using InferenceHost.Benchmarks.Targets;

namespace InferenceHost.Benchmarks.Reporting;

/// <summary>
/// Issue 5's targets P1–P8 from the windows of the comparison cell, and G1 from ResNet18 at concurrency 64
/// where it ran on CUDA: every ratio is taken within one round (<see cref="CellRounds"/>), then summarized over rounds.
/// </summary>
internal static class TargetTable
{
    private const string NoGpu = "not measured here: no GPU lent to this run (CPU execution provider only); `--gpu-only` on a GPU writes GPU.md";
    private const int GpuConcurrency = 64;

    public static IReadOnlyList<TargetRow> Compute(IReadOnlyList<Measurement> measurements, BenchmarkRunContext context)
    {
        var workload = context.Workloads.FirstOrDefault(workload => workload.ComparisonConcurrency is not null);
        IEnumerable<TargetRow> comparison = workload?.ComparisonConcurrency is { } concurrency
            ? ComparisonRows(new CellRounds(measurements, workload.Model, concurrency), $"{workload.Model}, concurrency {concurrency}", context)
            : [];
        return [.. comparison, .. GpuRows(measurements, context)];
    }

    private static IEnumerable<TargetRow> ComparisonRows(CellRounds cell, string at, BenchmarkRunContext context)
    {
        var noNginx = context.NginxMeasured ? null : "not measured: `nginx` is not on PATH (install the Debian package and rerun)";
        return
        [
            new("A/A", $"raw ORT, second window ÷ first of the same round ({at}): the noise floor", 1, false, "×", cell.RawControl(), Kind: TargetRowKind.Control),
            new("P1", $"host gRPC throughput ÷ raw in-process ORT ({at})", 0.30, false, "×", cell.ToRaw(TargetModes.GrpcRaw)),
            new("P1 ceiling", "NGINX replaying the host's gRPC answer, no work, ÷ raw ORT: the most P1 can show on this machine", 0.30, false, "×",
                cell.ToRaw(TargetModes.CeilingGrpcRaw), noNginx, TargetRowKind.Ceiling),
            new("P1 (÷ ceiling)", "host gRPC ÷ the ceiling's gRPC: the share of the measurable throughput the host reaches", 1, false, "×",
                cell.Throughput(TargetModes.GrpcRaw, TargetModes.CeilingGrpcRaw), noNginx, TargetRowKind.Reported),
            new("P2", "host HTTP binary ÷ raw ORT", 0.25, false, "×", cell.ToRaw(TargetModes.HttpBinary)),
            new("P2 (JSON)", "host HTTP JSON ÷ raw ORT (reported alongside)", 0.25, false, "×", cell.ToRaw(TargetModes.HttpJson)),
            new("P2 ceiling", "NGINX replaying the host's HTTP binary answer, no work, ÷ raw ORT: the most P2 can show on this machine", 0.25, false, "×",
                cell.ToRaw(TargetModes.CeilingHttpBinary), noNginx, TargetRowKind.Ceiling),
            new("P2 (÷ ceiling)", "host HTTP binary ÷ the ceiling's HTTP binary", 1, false, "×",
                cell.Throughput(TargetModes.HttpBinary, TargetModes.CeilingHttpBinary), noNginx, TargetRowKind.Reported),
            new("P3", "host 3-way weighted split ÷ host pinned to one version, gRPC throughput", 0.95, false, "×", cell.Throughput(TargetModes.SplitGrpcRaw, TargetModes.GrpcRaw)),
            new("P3 (p50)", "added p50 of the split, gRPC (split p50 − pinned p50)", 50, true, "µs",
                cell.Over(round => (cell.Window(round, TargetModes.SplitGrpcRaw)?.Result.P50Ms - cell.Window(round, TargetModes.GrpcRaw)?.Result.P50Ms) * 1000)),
            new("P3 (JSON)", "host 3-way split ÷ host pinned, HTTP JSON throughput", 0.95, false, "×", cell.Throughput(TargetModes.SplitHttpJson, TargetModes.HttpJson)),
            new("P4", "host 3-way split ÷ NGINX 80/20 split over two plain servers, HTTP JSON throughput", 1.6, false, "×",
                cell.Throughput(TargetModes.SplitHttpJson, TargetModes.NginxHttpJson), noNginx),
            new("P4 (p99)", "host 3-way split p99 ÷ NGINX split p99, HTTP JSON", 0.7, true, "×",
                cell.Over(round => cell.Window(round, TargetModes.SplitHttpJson)?.Result.P99Ms / cell.Window(round, TargetModes.NginxHttpJson)?.Result.P99Ms), noNginx),
            new("P5 (JSON)", "host ÷ plain ASP.NET Core + ORT server, HTTP JSON throughput", 1.0, false, "×", cell.Throughput(TargetModes.HttpJson, TargetModes.PlainHttpJson)),
            new("P5 (gRPC)", "host ÷ plain server, gRPC throughput", 1.0, false, "×", cell.Throughput(TargetModes.GrpcRaw, TargetModes.PlainGrpcRaw)),
            new("P5 (stretch)", "host with dynamic batching ÷ plain server, gRPC throughput", 1.5, false, "×", cell.Throughput(TargetModes.BatchingGrpcRaw, TargetModes.PlainGrpcRaw)),
            new("P5 (stretch) ceiling", "the ceiling's gRPC ÷ plain server, gRPC: the most the stretch can show on this machine", 1.5, false, "×",
                cell.Throughput(TargetModes.CeilingGrpcRaw, TargetModes.PlainGrpcRaw), noNginx, TargetRowKind.Ceiling),
            new("P6", "dynamic batching on ÷ off, gRPC throughput", 2.0, false, "×", cell.Throughput(TargetModes.BatchingGrpcRaw, TargetModes.GrpcRaw)),
            new("P6 ceiling", "the ceiling's gRPC ÷ host gRPC with batching off: the most batching can show on this machine", 2.0, false, "×",
                cell.Throughput(TargetModes.CeilingGrpcRaw, TargetModes.GrpcRaw), noNginx, TargetRowKind.Ceiling),
            new("P7", "telemetry on ÷ off, gRPC throughput", 0.95, false, "×", cell.Throughput(TargetModes.GrpcRaw, TargetModes.NoTelemetryGrpcRaw)),
            new("P8", "bytes allocated in the host per gRPC inference request", 2048, true, "B",
                cell.Over(round => cell.Window(round, TargetModes.GrpcRaw)?.Server?.AllocatedBytes)),
        ];
    }

    // G1 holds only if the host ran the model on the GPU too: its "auto" device falls back to the CPU by itself.
    private static IEnumerable<TargetRow> GpuRows(IReadOnlyList<Measurement> measurements, BenchmarkRunContext context)
    {
        const string G1 = "(GPU) host ÷ in-process ORT CUDA, ResNet18, concurrency 64";
        if (context.Workloads.FirstOrDefault(workload => workload.OnCuda) is not { } workload)
        {
            return [new("G1", G1, 0.5, false, "×", null, NoGpu)];
        }

        var cell = new CellRounds(measurements, workload.Model, GpuConcurrency);
        var invalid = context.HostDevice is { IsGpu: true }
            ? null
            : $"no, not valid: measured against a host on {context.HostDevice?.ToString() ?? "an unknown device"}, not the GPU";
        var at = $"{workload.Model}, concurrency {GpuConcurrency}";
        return
        [
            new("A/A (GPU)", $"raw ORT on CUDA, second window ÷ first of the same round ({at}): the noise floor", 1, false, "×", cell.RawControl(), Kind: TargetRowKind.Control),
            new("G1", $"(GPU) host gRPC throughput ÷ in-process ORT CUDA with I/O binding ({at})", 0.5, false, "×", cell.ToRaw(TargetModes.GrpcRaw), invalid),
            new("G1 (binary)", "(GPU) host HTTP binary ÷ in-process ORT CUDA (reported alongside)", 0.5, false, "×", cell.ToRaw(TargetModes.HttpBinary), invalid),
            new("G1 (÷ best raw)", $"(GPU) host gRPC at concurrency {GpuConcurrency} ÷ raw ORT at its best concurrency of the same round (the stricter ceiling)", 0.5, false, "×",
                cell.Over(round => cell.Window(round, TargetModes.GrpcRaw)?.Result.Throughput / BestRawThroughput(measurements, workload.Model, round)), invalid),
            new("G1 (binary ÷ best raw)", "(GPU) host HTTP binary ÷ raw ORT at its best concurrency (reported alongside)", 0.5, false, "×",
                cell.Over(round => cell.Window(round, TargetModes.HttpBinary)?.Result.Throughput / BestRawThroughput(measurements, workload.Model, round)), invalid),
            new("G1 (gRPC, 8 connections ÷ best raw)", "(GPU) host gRPC from 8 connections ÷ raw ORT at its best concurrency (reported alongside)", 0.5, false, "×",
                cell.Over(round => cell.Window(round, TargetModes.GrpcRawEightConnections)?.Result.Throughput / BestRawThroughput(measurements, workload.Model, round)), invalid),
        ];
    }

    // One session shared by 64 blocking workers can run slower than by 8 (they contend for it and for the CPU
    // while CUDA synchronizes), so the highest raw throughput of the round, at any concurrency, is the ceiling.
    private static double BestRawThroughput(IReadOnlyList<Measurement> measurements, string model, int round) =>
        measurements.Where(m => m.Model == model && m.Round == round && m.Mode == TargetModes.Raw)
            .GroupBy(m => m.Concurrency)
            .Max(windows => windows.Average(m => m.Result.Throughput));

    public static void Write(StringBuilder text, IReadOnlyList<TargetRow> rows, BenchmarkRunContext context)
    {
        MarkdownReport.Line(text, "## Issue 5 targets");
        MarkdownReport.Line(text);
        MarkdownReport.Line(text, $"Ratios within each round, median and min–max over {context.Options.Rounds} rounds; windows in the order of the table below, reversed in odd rounds.");
        MarkdownReport.Line(text);
        MarkdownReport.Line(text, "| # | ratio | target | median | min–max | met |");
        MarkdownReport.Line(text, "|---|---|--:|--:|--:|---|");
        foreach (var row in rows)
        {
            if (row.Value is not { } value)
            {
                MarkdownReport.Line(text, $"| {row.Id} | {row.Description} | {Bound(row)} | | | {row.Note ?? "not measured"} |");
                continue;
            }

            // A note next to numbers says why they do not count (G1 against a host on the CPU).
            MarkdownReport.Line(text, $"| {row.Id} | {row.Description} | {Bound(row)} | {Format(value.Median, row)} | {Format(value.Min, row)}–{Format(value.Max, row)} | {row.Note ?? Verdict(row, value.Median)} |");
        }

        MarkdownReport.Line(text);
    }

    private static string Bound(TargetRow row) => row.Kind switch
    {
        TargetRowKind.Control => "≈ 1",
        TargetRowKind.Reported => "—",
        _ => $"{(row.AtMost ? "≤" : "≥")} {Format(row.Target, row)}",
    };

    private static string Format(double value, TargetRow row) => row.Unit switch
    {
        "×" => value.ToString("F3", CultureInfo.InvariantCulture),
        "B" => value.ToString("N0", CultureInfo.InvariantCulture) + " B",
        _ => value.ToString("F0", CultureInfo.InvariantCulture) + " " + row.Unit,
    };

    private static string Verdict(TargetRow row, double median)
    {
        var met = row.AtMost ? median <= row.Target : median >= row.Target;
        switch (row.Kind)
        {
            case TargetRowKind.Control:
                return "control";
            case TargetRowKind.Reported:
                return "reported";
            case TargetRowKind.Ceiling:
                return met ? "ceiling above the target" : "ceiling below the target: no server can meet it here";
            case TargetRowKind.Target when met:
                return "yes";
        }

        var miss = row.AtMost ? (median / row.Target) - 1 : 1 - (median / row.Target);
        return string.Create(CultureInfo.InvariantCulture, $"no: {miss * 100:F0}% {(row.AtMost ? "over" : "short of")} the target");
    }
}

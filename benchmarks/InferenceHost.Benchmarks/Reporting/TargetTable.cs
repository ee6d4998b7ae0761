using System.Globalization;
using System.Text;
using InferenceHost.Benchmarks.Rounds;
using InferenceHost.Benchmarks.Targets;

namespace InferenceHost.Benchmarks.Reporting;

/// <summary>
/// Issue 5's targets P1–P8 (and G1) from the windows of the comparison cell: every ratio is taken
/// within one round, between windows measured minutes apart at most, then summarized over rounds.
/// </summary>
internal static class TargetTable
{
    private const string NoGpu = "not measured: no GPU lent to this run (CPU execution provider only)";

    public static IReadOnlyList<TargetRow> Compute(IReadOnlyList<Measurement> measurements, BenchmarkRunContext context)
    {
        var workload = context.Workloads.FirstOrDefault(workload => workload.ComparisonConcurrency is not null);
        if (workload?.ComparisonConcurrency is not { } concurrency)
        {
            return [];
        }

        var cell = measurements.Where(m => m.Model == workload.Model && m.Concurrency == concurrency).ToList();
        var rounds = cell.Select(m => m.Round).Distinct().Order().ToList();
        var noNginx = context.NginxMeasured ? null : "not measured: `nginx` is not on PATH (install the Debian package and rerun)";

        Measurement? Window(int round, string mode) => cell.FirstOrDefault(m => m.Round == round && m.Mode == mode);
        double RawMean(int round) => cell.Where(m => m.Round == round && m.Mode == TargetModes.Raw).Average(m => m.Result.Throughput);
        Ratio? Over(Func<int, double?> perRound)
        {
            var values = rounds.Select(perRound).OfType<double>().Where(value => !double.IsNaN(value)).ToList();
            return values.Count == 0 ? null : Ratio.Of(values);
        }

        Ratio? ToRaw(string mode) => Over(round => Window(round, mode)?.Result.Throughput / RawMean(round));
        Ratio? Throughput(string numerator, string denominator) =>
            Over(round => Window(round, numerator)?.Result.Throughput / Window(round, denominator)?.Result.Throughput);

        var at = $"{workload.Model}, concurrency {concurrency}";
        return
        [
            new("A/A", $"raw ORT, second window ÷ first of the same round ({at}): the noise floor", 1, false, "×",
                Over(round => cell.Where(m => m.Round == round && m.Mode == TargetModes.Raw).OrderBy(m => m.Position).Select(m => m.Result.Throughput).ToArray() is [var first, .., var last] ? last / first : null)),
            new("P1", $"host gRPC throughput ÷ raw in-process ORT ({at})", 0.30, false, "×", ToRaw(TargetModes.GrpcRaw)),
            new("P2", "host HTTP binary ÷ raw ORT", 0.25, false, "×", ToRaw(TargetModes.HttpBinary)),
            new("P2 (JSON)", "host HTTP JSON ÷ raw ORT (reported alongside)", 0.25, false, "×", ToRaw(TargetModes.HttpJson)),
            new("P3", "host 3-way weighted split ÷ host pinned to one version, gRPC throughput", 0.95, false, "×", Throughput(TargetModes.SplitGrpcRaw, TargetModes.GrpcRaw)),
            new("P3 (p50)", "added p50 of the split, gRPC (split p50 − pinned p50)", 50, true, "µs",
                Over(round => (Window(round, TargetModes.SplitGrpcRaw)?.Result.P50Ms - Window(round, TargetModes.GrpcRaw)?.Result.P50Ms) * 1000)),
            new("P3 (JSON)", "host 3-way split ÷ host pinned, HTTP JSON throughput", 0.95, false, "×", Throughput(TargetModes.SplitHttpJson, TargetModes.HttpJson)),
            new("P4", "host 3-way split ÷ NGINX 80/20 split over two plain servers, HTTP JSON throughput", 1.6, false, "×",
                Throughput(TargetModes.SplitHttpJson, TargetModes.NginxHttpJson), noNginx),
            new("P4 (p99)", "host 3-way split p99 ÷ NGINX split p99, HTTP JSON", 0.7, true, "×",
                Over(round => Window(round, TargetModes.SplitHttpJson)?.Result.P99Ms / Window(round, TargetModes.NginxHttpJson)?.Result.P99Ms), noNginx),
            new("P5 (JSON)", "host ÷ plain ASP.NET Core + ORT server, HTTP JSON throughput", 1.0, false, "×", Throughput(TargetModes.HttpJson, TargetModes.PlainHttpJson)),
            new("P5 (gRPC)", "host ÷ plain server, gRPC throughput", 1.0, false, "×", Throughput(TargetModes.GrpcRaw, TargetModes.PlainGrpcRaw)),
            new("P5 (stretch)", "host with dynamic batching ÷ plain server, gRPC throughput", 1.5, false, "×", Throughput(TargetModes.BatchingGrpcRaw, TargetModes.PlainGrpcRaw)),
            new("P6", "dynamic batching on ÷ off, gRPC throughput", 2.0, false, "×", Throughput(TargetModes.BatchingGrpcRaw, TargetModes.GrpcRaw)),
            new("P7", "telemetry on ÷ off, gRPC throughput", 0.95, false, "×", Throughput(TargetModes.GrpcRaw, TargetModes.NoTelemetryGrpcRaw)),
            new("P8", "bytes allocated in the host per gRPC inference request", 2048, true, "B",
                Over(round => Window(round, TargetModes.GrpcRaw)?.Server?.AllocatedBytes)),
            new("G1", "(GPU) host ÷ in-process ORT CUDA, ResNet18, concurrency 64", 0.5, false, "×", null, NoGpu),
        ];
    }

    public static void Write(StringBuilder text, IReadOnlyList<TargetRow> rows, BenchmarkRunContext context)
    {
        if (rows.Count == 0)
        {
            return;
        }

        MarkdownReport.Line(text, "## Issue 5 targets");
        MarkdownReport.Line(text);
        MarkdownReport.Line(text, $"Ratios within each round, median and min–max over {context.Options.Rounds} rounds; windows in the order of the table below, reversed in odd rounds.");
        MarkdownReport.Line(text);
        MarkdownReport.Line(text, "| # | ratio | target | median | min–max | met |");
        MarkdownReport.Line(text, "|---|---|--:|--:|--:|---|");
        foreach (var row in rows)
        {
            if (row.Note is not null || row.Value is not { } value)
            {
                MarkdownReport.Line(text, $"| {row.Id} | {row.Description} | {Bound(row)} | | | {row.Note ?? "not measured"} |");
                continue;
            }

            MarkdownReport.Line(text, $"| {row.Id} | {row.Description} | {Bound(row)} | {Format(value.Median, row)} | {Format(value.Min, row)}–{Format(value.Max, row)} | {Verdict(row, value.Median)} |");
        }

        MarkdownReport.Line(text);
    }

    private static string Bound(TargetRow row) => row.Id == "A/A" ? "≈ 1" : $"{(row.AtMost ? "≤" : "≥")} {Format(row.Target, row)}";

    private static string Format(double value, TargetRow row) => row.Unit switch
    {
        "×" => value.ToString("F3", CultureInfo.InvariantCulture),
        "B" => value.ToString("N0", CultureInfo.InvariantCulture) + " B",
        _ => value.ToString("F0", CultureInfo.InvariantCulture) + " " + row.Unit,
    };

    private static string Verdict(TargetRow row, double median)
    {
        if (row.Id == "A/A")
        {
            return "control";
        }

        var met = row.AtMost ? median <= row.Target : median >= row.Target;
        if (met)
        {
            return "yes";
        }

        var miss = row.AtMost ? (median / row.Target) - 1 : 1 - (median / row.Target);
        return string.Create(CultureInfo.InvariantCulture, $"no: {miss * 100:F0}% {(row.AtMost ? "over" : "short of")} the target");
    }
}

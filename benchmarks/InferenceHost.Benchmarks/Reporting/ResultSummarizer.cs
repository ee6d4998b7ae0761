using InferenceHost.Benchmarks.Rounds;

namespace InferenceHost.Benchmarks.Reporting;

/// <summary>
/// Turns windows into rows. A window is divided by the mean of the two windows of its baseline (raw ONNX
/// Runtime; the 1-silo cluster) in its round and cell, which bracket it in time; the baseline's own ratio
/// is the A/A control (the later baseline window ÷ the earlier one), the noise floor any other ratio
/// should be read against.
/// </summary>
internal static class ResultSummarizer
{
    /// <param name="measurements">Every measured window (no warm-up).</param>
    /// <param name="baselineOf">The mode a mode is compared with in the same cell and round; a baseline maps to itself.</param>
    public static IReadOnlyList<ResultRow> Summarize(IReadOnlyList<Measurement> measurements, Func<string, string> baselineOf) =>
        measurements
            .GroupBy(measurement => (measurement.Model, measurement.Concurrency, measurement.Mode))
            .Select(cell => Row(cell.Key.Model, cell.Key.Concurrency, cell.Key.Mode, cell.ToList(), measurements, baselineOf(cell.Key.Mode)))
            .ToList();

    private static ResultRow Row(string model, int concurrency, string mode, List<Measurement> windows, IReadOnlyList<Measurement> all, string baseline)
    {
        var baselineByRound = all
            .Where(measurement => measurement.Model == model && measurement.Concurrency == concurrency && measurement.Mode == baseline)
            .GroupBy(measurement => measurement.Round)
            .ToDictionary(round => round.Key, round => round.OrderBy(measurement => measurement.Position).Select(window => window.Result.Throughput).ToArray());

        var ratios = mode == baseline
            ? baselineByRound.Values.Select(pair => pair[^1] / pair[0]).ToList()
            : windows.Select(window => window.Result.Throughput / baselineByRound[window.Round].Average()).ToList();

        return new ResultRow(
            model,
            mode,
            concurrency,
            Statistics.Median(windows.Select(window => window.Result.Throughput)),
            Statistics.Median(windows.Select(window => window.Result.P50Ms)),
            Statistics.Median(windows.Select(window => window.Result.P95Ms)),
            Statistics.Median(windows.Select(window => window.Result.P99Ms)),
            Ratio.Of(ratios),
            Statistics.Median(windows.Where(window => window.Server is not null).Select(window => window.Server!.Value.CpuMicroseconds)),
            Statistics.Median(windows.Where(window => window.Server is not null).Select(window => window.Server!.Value.AllocatedBytes)),
            Statistics.Median(windows.Select(window => window.BenchmarkCpuMicroseconds)));
    }
}

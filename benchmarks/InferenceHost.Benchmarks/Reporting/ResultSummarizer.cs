using InferenceHost.Benchmarks.Rounds;
using InferenceHost.Benchmarks.Targets;

namespace InferenceHost.Benchmarks.Reporting;

/// <summary>
/// Turns windows into rows. A host window is divided by the mean of the two raw windows of its
/// round and cell, which bracket it in time; the raw row's ratio is the A/A control (the later raw
/// window ÷ the earlier one), the noise floor any host ratio should be read against.
/// </summary>
internal static class ResultSummarizer
{
    public static IReadOnlyList<ResultRow> Summarize(IReadOnlyList<Measurement> measurements) =>
        measurements
            .GroupBy(measurement => (measurement.Model, measurement.Concurrency, measurement.Mode))
            .Select(cell => Row(cell.Key.Model, cell.Key.Concurrency, cell.Key.Mode, cell.ToList(), measurements))
            .ToList();

    private static ResultRow Row(string model, int concurrency, string mode, List<Measurement> windows, IReadOnlyList<Measurement> all)
    {
        var rawByRound = all
            .Where(measurement => measurement.Model == model && measurement.Concurrency == concurrency && measurement.Mode == TargetModes.Raw)
            .GroupBy(measurement => measurement.Round)
            .ToDictionary(round => round.Key, round => round.OrderBy(measurement => measurement.Position).Select(raw => raw.Result.Throughput).ToArray());

        var ratios = mode == TargetModes.Raw
            ? rawByRound.Values.Select(pair => pair[^1] / pair[0]).ToList()
            : windows.Select(window => window.Result.Throughput / rawByRound[window.Round].Average()).ToList();

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
            Statistics.Median(windows.Where(window => window.Server is not null).Select(window => window.Server!.Value.AllocatedBytes)));
    }
}

using InferenceHost.Benchmarks.Reporting;
using InferenceHost.Benchmarks.Rounds;

namespace InferenceHost.Benchmarks.ScaleOut;

/// <summary>
/// One cluster under one protocol: its result row (medians over rounds, the ratio to the 1-silo cluster of
/// the same round; for the 1-silo row the A/A control) and how many CPUs its silos and the load generator kept busy.
/// </summary>
/// <param name="Protocol">The client mode, one of <see cref="Targets.TargetModes"/>.</param>
/// <param name="Silos">The cluster's size.</param>
/// <param name="Result">Medians over rounds and the ratio to the 1-silo cluster.</param>
/// <param name="ServerCores">The silos' CPU seconds per second of window (req/s × CPU per request), median over rounds.</param>
/// <param name="LoadGeneratorCores">The same for this process, the load generator.</param>
internal sealed record ScaleOutRow(string Protocol, int Silos, ResultRow Result, double ServerCores, double LoadGeneratorCores)
{
    public static IReadOnlyList<ScaleOutRow> Summarize(IReadOnlyList<ScaleOutCell> cells, IReadOnlyList<Measurement> measurements)
    {
        var baselines = cells
            .SelectMany(cell => cell.Clusters.Select(cluster => (cluster.Mode, Baseline: cell.Baseline.Mode)))
            .ToDictionary(pair => pair.Mode, pair => pair.Baseline);
        var rows = ResultSummarizer.Summarize(measurements, mode => baselines[mode]);
        return cells
            .SelectMany(cell => cell.Clusters.Select(cluster => new ScaleOutRow(
                cell.Protocol,
                cluster.Members.Count,
                rows.Single(row => row.Mode == cluster.Mode),
                CoresOf(measurements, cluster.Mode, measurement => measurement.Server?.CpuMicroseconds ?? double.NaN),
                CoresOf(measurements, cluster.Mode, measurement => measurement.BenchmarkCpuMicroseconds))))
            .ToList();
    }

    private static double CoresOf(IReadOnlyList<Measurement> measurements, string mode, Func<Measurement, double> cpuMicrosecondsPerRequest) =>
        Statistics.Median(measurements
            .Where(measurement => measurement.Mode == mode)
            .Select(measurement => measurement.Result.Throughput * cpuMicrosecondsPerRequest(measurement) / 1e6)
            .Where(cores => !double.IsNaN(cores)));
}

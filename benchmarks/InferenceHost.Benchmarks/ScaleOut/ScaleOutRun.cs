using InferenceHost.Benchmarks.Rounds;

namespace InferenceHost.Benchmarks.ScaleOut;

/// <summary>
/// Warms every cluster up under each protocol, then measures in alternating rounds: per protocol the
/// 1-silo cluster, the larger ones (reversed in odd rounds), then the 1-silo cluster again, so each larger
/// cluster sits between two 1-silo windows and those two are the A/A control.
/// </summary>
internal sealed class ScaleOutRun(BenchmarkOptions options, TextWriter progress)
{
    private readonly WindowMeter meter = new(progress);

    public async Task<IReadOnlyList<Measurement>> RunAsync(string model, int concurrency, IReadOnlyList<ScaleOutCell> cells, CancellationToken cancellationToken)
    {
        await WarmUpAsync(model, concurrency, cells, cancellationToken);
        var window = TimeSpan.FromSeconds(options.WindowSeconds);
        var measurements = new List<Measurement>();
        for (var round = 0; round < options.Rounds; round++)
        {
            foreach (var cell in cells)
            {
                var order = RoundSchedule.Order(round, cell.Baseline, cell.Clusters.Skip(1).ToList());
                measurements.AddRange(await meter.MeasureRoundAsync(round, options.Rounds, model, concurrency, order, window, cancellationToken));
            }
        }

        return measurements;
    }

    // Warm-up time in proportion to the cluster's size: every silo gets the same share of load, and so of
    // the time tiered JIT and pool growth need before a .NET server reaches its pace.
    private async Task WarmUpAsync(string model, int concurrency, IReadOnlyList<ScaleOutCell> cells, CancellationToken cancellationToken)
    {
        var silos = cells.Sum(cell => cell.Clusters.Sum(cluster => cluster.Members.Count));
        foreach (var cell in cells)
        {
            foreach (var cluster in cell.Clusters)
            {
                var window = TimeSpan.FromSeconds(options.WarmupSeconds * cluster.Members.Count / silos);
                if (window > TimeSpan.Zero)
                {
                    await meter.WarmUpAsync(model, concurrency, cluster, window, cancellationToken);
                }
            }
        }
    }
}

using InferenceHost.Benchmarks.Load;
using InferenceHost.Benchmarks.Targets;

namespace InferenceHost.Benchmarks.Rounds;

/// <summary>Warms every target up, then measures every (model, concurrency) cell in alternating rounds.</summary>
internal sealed class BenchmarkRun(BenchmarkOptions options, TextWriter progress)
{
    public async Task<IReadOnlyList<Measurement>> RunAsync(IReadOnlyList<ModelTargets> models, CancellationToken cancellationToken)
    {
        await WarmUpAsync(models, cancellationToken);
        var measurements = new List<Measurement>();
        for (var round = 0; round < options.Rounds; round++)
        {
            foreach (var model in models)
            {
                foreach (var concurrency in model.Workload.Concurrencies)
                {
                    var order = RoundSchedule.Order(round, model.Raw, model.At(concurrency));
                    for (var position = 0; position < order.Count; position++)
                    {
                        var (result, server) = await MeasureAsync(order[position], concurrency, cancellationToken);
                        var measurement = new Measurement(round, model.Workload.Model, concurrency, order[position].Mode, position, result, server);
                        measurements.Add(measurement);
                        Report($"round {round + 1}/{options.Rounds}", measurement);
                    }
                }
            }
        }

        return measurements;
    }

    // A fresh .NET server is slow for its first tens of seconds under load (tiered JIT, pools
    // growing): every target runs at each model's highest concurrency before anything counts.
    private async Task WarmUpAsync(IReadOnlyList<ModelTargets> models, CancellationToken cancellationToken)
    {
        if (options.WarmupSeconds <= 0)
        {
            return;
        }

        var targets = models.Sum(model => model.Host.Count + model.Compared.Count + 1);
        var window = TimeSpan.FromSeconds(options.WarmupSeconds / targets);
        foreach (var model in models)
        {
            var concurrency = model.Workload.Concurrencies.Max();
            foreach (var target in model.Host.Concat(model.Compared).Prepend(model.Raw))
            {
                var result = await ClosedLoopRunner.RunAsync(target, concurrency, window, cancellationToken);
                Report("warm-up", new Measurement(-1, model.Workload.Model, concurrency, target.Mode, 0, result));
            }
        }
    }

    private async Task<(WindowResult Result, ServerCost? Server)> MeasureAsync(ILoadTarget target, int concurrency, CancellationToken cancellationToken)
    {
        if (target.Server is not { } server)
        {
            return (await ClosedLoopRunner.RunAsync(target, concurrency, TimeSpan.FromSeconds(options.WindowSeconds), cancellationToken), null);
        }

        var before = await server.SampleAsync(cancellationToken);
        var result = await ClosedLoopRunner.RunAsync(target, concurrency, TimeSpan.FromSeconds(options.WindowSeconds), cancellationToken);
        var after = await server.SampleAsync(cancellationToken);
        return (result, ServerCost.PerRequest(before, after, result.Requests));
    }

    private void Report(string phase, Measurement measurement)
    {
        var result = measurement.Result;
        progress.WriteLine(
            $"{phase,-12} {measurement.Model,-9} c={measurement.Concurrency,-3} {measurement.Mode,-30} " +
            $"{result.Throughput,10:F1} req/s  p50 {result.P50Ms,8:F3} ms  p99 {result.P99Ms,8:F3} ms");
    }
}

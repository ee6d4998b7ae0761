using InferenceHost.Benchmarks.Targets;

namespace InferenceHost.Benchmarks.Rounds;

/// <summary>Warms every target up, then measures every (model, concurrency) cell in alternating rounds.</summary>
internal sealed class BenchmarkRun(BenchmarkOptions options, TextWriter progress)
{
    private readonly WindowMeter meter = new(progress);

    public async Task<IReadOnlyList<Measurement>> RunAsync(IReadOnlyList<ModelTargets> models, CancellationToken cancellationToken)
    {
        await WarmUpAsync(models, cancellationToken);
        var window = TimeSpan.FromSeconds(options.WindowSeconds);
        var measurements = new List<Measurement>();
        for (var round = 0; round < options.Rounds; round++)
        {
            foreach (var model in models)
            {
                foreach (var concurrency in model.Workload.Concurrencies)
                {
                    var order = RoundSchedule.Order(round, model.Raw, model.At(concurrency));
                    measurements.AddRange(await meter.MeasureRoundAsync(round, options.Rounds, model.Workload.Model, concurrency, order, window, cancellationToken));
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
                await meter.WarmUpAsync(model.Workload.Model, concurrency, target, window, cancellationToken);
            }
        }
    }
}

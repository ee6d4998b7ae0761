using System.Diagnostics;
using InferenceHost.Benchmarks.Load;

namespace InferenceHost.Benchmarks.Rounds;

/// <summary>
/// Runs one closed-loop window of a target, samples its server just before and just after (CPU time and
/// allocated bytes per request), and prints the window as it ends.
/// </summary>
internal sealed class WindowMeter(TextWriter progress)
{
    /// <summary>A window that does not count (round -1): the servers reach their pace, the progress line shows it.</summary>
    public Task<Measurement> WarmUpAsync(string model, int concurrency, ILoadTarget target, TimeSpan length, CancellationToken cancellationToken) =>
        MeasureAsync("warm-up", -1, 0, model, concurrency, target, length, cancellationToken);

    /// <summary>One window of each target of <paramref name="order"/> in turn (<see cref="RoundSchedule"/>), at their positions in it.</summary>
    public async Task<IReadOnlyList<Measurement>> MeasureRoundAsync(
        int round, int rounds, string model, int concurrency, IReadOnlyList<ILoadTarget> order, TimeSpan length, CancellationToken cancellationToken)
    {
        var measurements = new List<Measurement>(order.Count);
        for (var position = 0; position < order.Count; position++)
        {
            measurements.Add(await MeasureAsync($"round {round + 1}/{rounds}", round, position, model, concurrency, order[position], length, cancellationToken));
        }

        return measurements;
    }

    /// <param name="phase">What the progress line starts with: "warm-up", "round 2/5".</param>
    /// <param name="round">The round, or -1 in warm-up.</param>
    /// <param name="position">The window's place among its round's windows of the same cell.</param>
    /// <param name="model">The model, for the measurement and the progress line.</param>
    /// <param name="concurrency">Closed-loop workers.</param>
    /// <param name="target">What is driven; its server, if any, is sampled around the window.</param>
    /// <param name="length">How long requests are started for.</param>
    /// <param name="cancellationToken">Stops the window.</param>
    private async Task<Measurement> MeasureAsync(
        string phase, int round, int position, string model, int concurrency, ILoadTarget target, TimeSpan length, CancellationToken cancellationToken)
    {
        var server = target.Server;
        var before = server is null ? default : await server.SampleAsync(cancellationToken);
        var benchmarkBefore = BenchmarkCpu();
        var result = await ClosedLoopRunner.RunAsync(target, concurrency, length, cancellationToken);
        var benchmarkCpu = (BenchmarkCpu() - benchmarkBefore).TotalMicroseconds / Math.Max(result.Requests, 1);
        ServerCost? cost = server is null ? null : ServerCost.PerRequest(before, await server.SampleAsync(cancellationToken), result.Requests);

        progress.WriteLine(
            $"{phase,-12} {model,-9} c={concurrency,-3} {target.Mode,-30} " +
            $"{result.Throughput,10:F1} req/s  p50 {result.P50Ms,8:F3} ms  p99 {result.P99Ms,8:F3} ms");
        return new Measurement(round, model, concurrency, target.Mode, position, result, cost, benchmarkCpu);
    }

    private static TimeSpan BenchmarkCpu()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime;
    }
}

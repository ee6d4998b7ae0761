using System.Diagnostics;

namespace InferenceHost.Benchmarks.Load;

/// <summary>
/// Drives a target with a fixed number of workers, each sending its next request as soon as the
/// previous one answers. Requests started before the deadline are counted and timed; throughput
/// divides them by the time until the last of them finished, so no in-flight request is lost.
/// </summary>
internal static class ClosedLoopRunner
{
    public static async Task<WindowResult> RunAsync(ILoadTarget target, int concurrency, TimeSpan window, CancellationToken cancellationToken)
    {
        var workers = Enumerable.Range(0, concurrency).Select(_ => target.CreateWorker()).ToArray();
        try
        {
            // Every window starts from the same heap: garbage left by the previous window (HTTP
            // buffers, another mode's workers) is not collected on this one's time.
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();

            var start = Stopwatch.GetTimestamp();
            var deadline = start + (long)(window.TotalSeconds * Stopwatch.Frequency);
            var loops = workers.Select(worker => Start(target, () => LoopAsync(worker, deadline, cancellationToken))).ToArray();
            var finished = await Task.WhenAll(loops);
            var latencies = new LatencyHistogram();
            foreach (var worker in finished)
            {
                latencies.Add(worker.Latencies);
            }

            return WindowResult.From(latencies, finished.Max(worker => worker.LastEnd) - start, Stopwatch.Frequency);
        }
        finally
        {
            foreach (var worker in workers)
            {
                worker.Dispose();
            }
        }
    }

    // Blocking in-process runs get a thread each, so 64 workers never wait on the thread pool's growth.
    private static Task<WorkerLatencies> Start(ILoadTarget target, Func<Task<WorkerLatencies>> loop) => target.BlocksThread
        ? Task.Factory.StartNew(loop, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap()
        : Task.Run(loop);

    private static async Task<WorkerLatencies> LoopAsync(ILoadWorker worker, long deadline, CancellationToken cancellationToken)
    {
        var result = new WorkerLatencies();
        for (var sent = Stopwatch.GetTimestamp(); sent < deadline; sent = result.LastEnd)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await worker.SendAsync(cancellationToken);
            result.LastEnd = Stopwatch.GetTimestamp();
            result.Latencies.Record(result.LastEnd - sent);
        }

        return result;
    }

    private sealed class WorkerLatencies
    {
        public LatencyHistogram Latencies { get; } = new();

        public long LastEnd { get; set; }
    }
}

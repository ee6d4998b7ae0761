using System.Diagnostics;
using InferenceHost.Inference.Batching;
using InferenceHost.Inference.Execution;
using InferenceHost.Inference.Repository;
using static InferenceHost.Inference.Tests.Batching.IrisBatching;

namespace InferenceHost.Inference.Tests.Batching;

/// <summary>How long a batch waits for more requests: delays under the timers' 1 ms resolution included.</summary>
public sealed class DynamicBatcherDelayTests(SampleModelsFixture models) : IClassFixture<SampleModelsFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private LoadedModel Iris => models.Iris(IrisVersion);

    [Fact]
    public async Task RunAsync_SubMillisecondDelayOnSystemClock_LoneRequestWaitsOutTheDelay()
    {
        // A timer for 900 µs would fire at once (timers count whole milliseconds): the batch must wait all the same.
        using var batcher = new DynamicBatcher(Iris, new DynamicBatchingConfig { MaxQueueDelayMicroseconds = 900 }, TimeProvider.System);
        await Submit(batcher, Rows(0, 1)).WaitAsync(Patience); // compiles the path, so the time below is the wait's

        for (var i = 1; i <= 3; i++)
        {
            var clock = Stopwatch.StartNew();
            var outputs = await Submit(batcher, Rows(i, 1)).WaitAsync(Patience);

            Assert.True(clock.Elapsed >= TimeSpan.FromMicroseconds(900), $"answered after {clock.Elapsed.TotalMicroseconds} µs");
            IrisFlowers.AssertMatchesReference(IrisVersion, Rows(i, 1), outputs);
        }
    }

    [Fact]
    public async Task RunAsync_SubMillisecondDelayNotYetPassed_NextRequestJoinsTheWaitingBatch()
    {
        using var batcher = Stopped(Iris, new DynamicBatchingConfig { MaxQueueDelayMicroseconds = 500, PreferredBatchSize = [2] });

        var first = Submit(batcher, Rows(0, 1));
        var second = Submit(batcher, Rows(1, 1));
        var outputs = await Task.WhenAll(first, second).WaitAsync(Patience);

        Assert.Equal((1L, 2L), (batcher.BatchesRun, batcher.RequestsRun));
        IrisFlowers.AssertMatchesReference(IrisVersion, Rows(0, 1), outputs[0]);
        IrisFlowers.AssertMatchesReference(IrisVersion, Rows(1, 1), outputs[1]);
    }

    [Fact]
    public async Task Dispose_WhileWaitingOutASubMillisecondDelay_RequestFailsAsUnloaded()
    {
        var batcher = Stopped(Iris, new DynamicBatchingConfig { MaxQueueDelayMicroseconds = 500 });
        var waiting = Submit(batcher, Rows(0, 1));

        batcher.Dispose();

        var error = await Assert.ThrowsAsync<ObjectDisposedException>(() => waiting.WaitAsync(Patience));
        Assert.Contains("was unloaded", error.Message, StringComparison.Ordinal);
        await batcher.Worker.WaitAsync(Patience);
        Assert.Equal(0, batcher.BatchesRun);
    }

    [Fact]
    public async Task RunAsync_LoneRequestsOneAfterAnother_EachWaitsOutItsOwnDelayAndRuns()
    {
        // Each batch's deadline fires, so the next wait cannot reuse it: every request must still be answered.
        using var batcher = new DynamicBatcher(Iris, new DynamicBatchingConfig { MaxQueueDelayMicroseconds = 2_000 }, TimeProvider.System);

        for (var i = 0; i < 3; i++)
        {
            var clock = Stopwatch.StartNew();
            var outputs = await Submit(batcher, Rows(i, 1)).WaitAsync(Patience);

            Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(2), $"answered after {clock.Elapsed.TotalMicroseconds} µs");
            IrisFlowers.AssertMatchesReference(IrisVersion, Rows(i, 1), outputs);
        }

        Assert.Equal((3L, 3L), (batcher.BatchesRun, batcher.RequestsRun));
    }
}

using InferenceHost.Inference.Batching;
using InferenceHost.Inference.Execution;
using InferenceHost.Inference.Repository;
using InferenceHost.Inference.Tensors;
using InferenceHost.ModelBuilder;
using static InferenceHost.Inference.Tests.Batching.IrisBatching;

namespace InferenceHost.Inference.Tests.Batching;

public sealed class DynamicBatcherTests(SampleModelsFixture models) : IClassFixture<SampleModelsFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private LoadedModel Iris => models.Iris(IrisVersion);

    [Fact]
    public async Task RunAsync_PreferredSizeReached_RunsOneBatchWithoutWaitingOutTheDelay()
    {
        using var batcher = Stopped(Iris, WaitingForever(8));

        var flowers = Enumerable.Range(0, 8).Select(i => Rows(i, 1)).ToArray();
        var outputs = await Task.WhenAll(flowers.Select(f => Task.Run(() => Submit(batcher, f)))).WaitAsync(Patience);

        Assert.Equal(1, batcher.BatchesRun);
        Assert.Equal(8, batcher.RequestsRun);
        for (var i = 0; i < flowers.Length; i++)
        {
            IrisFlowers.AssertMatchesReference(IrisVersion, flowers[i], outputs[i]);
        }
    }

    [Fact]
    public async Task RunAsync_RequestsOfDifferentRowCounts_EachGetsExactlyItsOwnRows()
    {
        using var batcher = Stopped(Iris, WaitingForever(6));
        float[][] requests = [Rows(0, 1), Rows(1, 2), Rows(3, 3)];

        var outputs = await Task.WhenAll(requests.Select(r => Submit(batcher, r))).WaitAsync(Patience);

        Assert.Equal(1, batcher.BatchesRun);
        for (var i = 0; i < requests.Length; i++)
        {
            IrisFlowers.AssertMatchesReference(IrisVersion, requests[i], outputs[i]);
        }
    }

    [Fact]
    public async Task RunAsync_ConcurrentRequestsOnRealClock_FewerRunsThanRequestsAndEachMatchesReference()
    {
        const int Requests = 48;
        using var batcher = new DynamicBatcher(Iris, new DynamicBatchingConfig { MaxQueueDelayMicroseconds = 20_000 }, TimeProvider.System);
        var flowers = Enumerable.Range(0, Requests).Select(i => Rows(i, 1 + (i % 3))).ToArray();

        var outputs = await Task.WhenAll(flowers.Select(f => Task.Run(() => Submit(batcher, f)))).WaitAsync(Patience);

        Assert.InRange(batcher.BatchesRun, 1, Requests - 1);
        Assert.Equal(Requests, batcher.RequestsRun);
        for (var i = 0; i < Requests; i++)
        {
            IrisFlowers.AssertMatchesReference(IrisVersion, flowers[i], outputs[i]);
        }
    }

    [Fact]
    public async Task RunAsync_InvalidRequestAmongValidOnes_FailsAloneAndNeverJoinsTheBatch()
    {
        using var batcher = Stopped(Iris, WaitingForever(4));
        var flowers = Enumerable.Range(0, 4).Select(i => Rows(i, 1)).ToArray();

        var good = flowers.Take(2).Select(f => Submit(batcher, f)).ToList();
        var bad = batcher.RunAsync([new TensorInput(IrisMlpReference.InputName, "FP64", [1, 4], new byte[32])], []);
        good.AddRange(flowers.Skip(2).Select(f => Submit(batcher, f)));

        var error = await Assert.ThrowsAsync<InvalidInputException>(() => bad);
        Assert.Equal("input 'input' has datatype FP64, but the model expects FP32", error.Message);
        var outputs = await Task.WhenAll(good).WaitAsync(Patience);
        Assert.Equal((1L, 4L), (batcher.BatchesRun, batcher.RequestsRun));
        for (var i = 0; i < flowers.Length; i++)
        {
            IrisFlowers.AssertMatchesReference(IrisVersion, flowers[i], outputs[i]);
        }
    }

    [Fact]
    public async Task RunAsync_DifferentRequestedOutputs_RunInSeparateBatches()
    {
        using var batcher = Stopped(Iris, WaitingForever(2));

        var labelOnly = Submit(batcher, Rows(0, 1), IrisMlpReference.LabelName);
        var all = new[] { Submit(batcher, Rows(1, 1)), Submit(batcher, Rows(2, 1)) };

        var label = Assert.Single(await labelOnly.WaitAsync(Patience));
        Assert.Equal([1L], label.Shape);
        Assert.Equal([IrisMlpReference.Predict(IrisVersion, IrisFlowers.Setosa).Label], TestTensors.Read<long>(label));
        var outputs = await Task.WhenAll(all).WaitAsync(Patience);
        IrisFlowers.AssertMatchesReference(IrisVersion, Rows(1, 1), outputs[0]);
        IrisFlowers.AssertMatchesReference(IrisVersion, Rows(2, 1), outputs[1]);
        Assert.Equal(2, batcher.BatchesRun);
    }

    [Fact]
    public async Task RunAsync_QueueFull_RefusedWithTheQueueMessage()
    {
        using var batcher = Stopped(Iris, WaitingForever() with { MaxQueueSize = 2 });
        var waiting = new[] { Submit(batcher, Rows(0, 1)), Submit(batcher, Rows(1, 1)) };

        var error = await Assert.ThrowsAsync<QueueFullException>(() => Submit(batcher, Rows(2, 1)));

        Assert.Contains("queue is full", error.Message, StringComparison.Ordinal);
        Assert.Contains("max_queue_size", error.Message, StringComparison.Ordinal);
        Assert.Equal(QueueFullException.DefaultRetryAfter, error.RetryAfter);
        Assert.Equal(2, batcher.QueueLength);
        Assert.All(waiting, t => Assert.False(t.IsCompleted));
    }

    [Fact]
    public async Task Dispose_RequestsStillQueued_FailAsUnloadedAndTheWorkerEnds()
    {
        var batcher = Stopped(Iris, WaitingForever());
        var waiting = Enumerable.Range(0, 3).Select(i => Submit(batcher, Rows(i, 1))).ToArray();

        batcher.Dispose();

        foreach (var request in waiting)
        {
            var error = await Assert.ThrowsAsync<ObjectDisposedException>(() => request.WaitAsync(Patience));
            Assert.Contains("was unloaded", error.Message, StringComparison.Ordinal);
        }

        await batcher.Worker.WaitAsync(Patience);
        Assert.Equal(0, batcher.BatchesRun);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => Submit(batcher, Rows(0, 1)));
    }

    [Fact]
    public async Task RunAsync_CanceledWhileQueued_CanceledAndLeavesTheQueue()
    {
        using var batcher = Stopped(Iris, WaitingForever(2));
        using var cancel = new CancellationTokenSource();
        var canceled = batcher.RunAsync([IrisFlowers.Input(Rows(0, 1))], [], cancel.Token);

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => canceled);

        var outputs = await Task.WhenAll(Submit(batcher, Rows(1, 1)), Submit(batcher, Rows(2, 1))).WaitAsync(Patience);
        IrisFlowers.AssertMatchesReference(IrisVersion, Rows(1, 1), outputs[0]);
        IrisFlowers.AssertMatchesReference(IrisVersion, Rows(2, 1), outputs[1]);
        Assert.Equal((1L, 2L), (batcher.BatchesRun, batcher.RequestsRun));
        Assert.Equal(0, batcher.QueueLength);
    }
}

using static InferenceHost.Inference.Tests.Batching.IrisBatching;

namespace InferenceHost.Inference.Tests.Batching;

public sealed class BatchedModelLoadingTests(SampleModelsFixture models) : IClassFixture<SampleModelsFixture>, IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly TempRepository _repository = new();

    [Fact]
    public void Load_ConfigWithoutDynamicBatching_HasNoBatcher()
    {
        Assert.Null(models.Iris(IrisVersion).Batcher);
    }

    [Fact]
    public async Task Load_ConfigWithDynamicBatching_OwnsABatcherThatServesAndStopsWithTheModel()
    {
        _repository.CopyModel(TestModels.Iris, IrisVersion);
        _repository.WriteConfig(
            TestModels.Iris,
            """{ "max_batch_size": 8, "dynamic_batching": { "max_queue_delay_microseconds": 1000000, "preferred_batch_size": [2, 4], "max_queue_size": 16 } }""");
        var model = TestModels.NewLoader().LoadOnly(_repository, TestModels.Iris);

        var batcher = Assert.IsType<Inference.Batching.DynamicBatcher>(model.Batcher);
        Assert.Equal((8, 16), (batcher.MaxBatchSize, batcher.Config.MaxQueueSize));
        var outputs = await Task.WhenAll(Submit(batcher, Rows(0, 1)), Submit(batcher, Rows(1, 1))).WaitAsync(Patience);
        IrisFlowers.AssertMatchesReference(IrisVersion, Rows(0, 1), outputs[0]);
        IrisFlowers.AssertMatchesReference(IrisVersion, Rows(1, 1), outputs[1]);

        var queued = Submit(batcher, Rows(2, 1));
        model.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => queued.WaitAsync(Patience));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => Submit(batcher, Rows(3, 1)));
    }

    public void Dispose() => _repository.Dispose();
}

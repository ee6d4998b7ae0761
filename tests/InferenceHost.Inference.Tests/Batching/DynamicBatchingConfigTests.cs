using InferenceHost.Inference.Catalog;
using InferenceHost.Inference.Repository;
using static InferenceHost.Inference.Tests.Batching.IrisBatching;

namespace InferenceHost.Inference.Tests.Batching;

public sealed class DynamicBatchingConfigTests : IDisposable
{
    private readonly TempRepository _repository = new();

    [Fact]
    public void ReadIfPresent_DynamicBatchingBlock_ReadsTritonFieldNames()
    {
        var config = Read("""{ "max_batch_size": 64, "dynamic_batching": { "max_queue_delay_microseconds": 100, "preferred_batch_size": [8, 16], "max_queue_size": 32 } }""");

        var batching = Assert.IsType<DynamicBatchingConfig>(config.DynamicBatching);
        Assert.Equal(100, batching.MaxQueueDelayMicroseconds);
        Assert.Equal([8, 16], batching.PreferredBatchSize);
        Assert.Equal(32, batching.MaxQueueSize);
    }

    [Fact]
    public void ReadIfPresent_EmptyBlock_DefaultsToNoDelayAndTheDefaultQueue()
    {
        var batching = Read("""{ "max_batch_size": 8, "dynamic_batching": { } }""").DynamicBatching!;

        Assert.Equal(0, batching.MaxQueueDelayMicroseconds);
        Assert.Null(batching.PreferredBatchSize);
        Assert.Equal(DynamicBatchingConfig.DefaultMaxQueueSize, batching.MaxQueueSize);
    }

    [Theory]
    [InlineData("""{ "max_queue_delay_microseconds": -1 }""", "dynamic_batching.max_queue_delay_microseconds must be 0 to 1000000, not -1")]
    [InlineData("""{ "max_queue_delay_microseconds": 1000001 }""", "dynamic_batching.max_queue_delay_microseconds must be 0 to 1000000, not 1000001")]
    [InlineData("""{ "max_queue_size": 0 }""", "dynamic_batching.max_queue_size must be 1 or more, not 0")]
    [InlineData("""{ "preferred_batch_size": [16, 8] }""", "dynamic_batching.preferred_batch_size must be sizes of 1 or more in ascending order, not [16, 8]")]
    [InlineData("""{ "preferred_batch_size": [0, 4] }""", "dynamic_batching.preferred_batch_size must be sizes of 1 or more in ascending order, not [0, 4]")]
    [InlineData("""{ "max_queue_delay": 100 }""", "'max_queue_delay'")]
    public void ReadIfPresent_BadBlock_RejectedNamingTheField(string block, string problem)
    {
        _repository.WriteConfig(TestModels.Iris, $$"""{ "max_batch_size": 8, "dynamic_batching": {{block}} }""");

        var error = Assert.Throws<InvalidDataException>(() => ModelConfigReader.ReadIfPresent(ModelFolder));

        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, null, "dynamic_batching needs a batch dimension: set max_batch_size to 1 or more")]
    [InlineData(0, null, "dynamic_batching needs a batch dimension: set max_batch_size to 1 or more")]
    [InlineData(8, 16, "dynamic_batching.preferred_batch_size 16 is larger than max_batch_size 8")]
    public void CheckServed_BatchingTheModelCannotDo_Rejected(int? maxBatchSize, int? preferred, string problem)
    {
        var config = new ModelConfig
        {
            MaxBatchSize = maxBatchSize,
            DynamicBatching = new DynamicBatchingConfig { PreferredBatchSize = preferred is { } size ? [size] : null },
        };

        Assert.Equal([problem], ModelConfigReader.CheckServed(config));
    }

    [Fact]
    public void CheckServed_NoBlockOrAFittingOne_Valid()
    {
        Assert.Empty(ModelConfigReader.CheckServed(ModelConfig.Empty));
        Assert.Empty(ModelConfigReader.CheckServed(new ModelConfig { MaxBatchSize = 8, DynamicBatching = WaitingForever(4, 8) }));
    }

    [Fact]
    public void CheckServed_VersionOverrideTurnsBatchingOffTheBatchDimension_Rejected()
    {
        var model = new ModelConfig { MaxBatchSize = 8, DynamicBatching = new DynamicBatchingConfig() };

        var served = model.OverriddenBy(new ModelConfig { MaxBatchSize = 0 });

        Assert.Single(ModelConfigReader.CheckServed(served));
    }

    [Fact]
    public async Task LoadAsync_BatchingWithoutBatchDimension_VersionUnavailableWithTheReason()
    {
        _repository.CopyModel(TestModels.Iris, 1);
        _repository.WriteConfig(TestModels.Iris, """{ "dynamic_batching": { "max_queue_delay_microseconds": 100 } }""");

        using var catalog = await RepositoryLoading.LoadAsync(_repository.Root);

        Assert.True(catalog.Snapshot.TryGet(TestModels.Iris, "1", out var entry));
        Assert.Equal(VersionState.Unavailable, entry.State);
        Assert.Null(entry.Loaded);
        Assert.Contains("dynamic_batching needs a batch dimension: set max_batch_size to 1 or more", entry.Reason, StringComparison.Ordinal);
    }

    public void Dispose() => _repository.Dispose();

    private string ModelFolder => Path.Combine(_repository.Root, TestModels.Iris);

    private ModelConfig Read(string json)
    {
        _repository.WriteConfig(TestModels.Iris, json);
        return ModelConfigReader.ReadIfPresent(ModelFolder)!;
    }
}

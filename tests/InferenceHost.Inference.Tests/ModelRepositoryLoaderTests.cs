using InferenceHost.Inference.Catalog;

namespace InferenceHost.Inference.Tests;

public sealed class ModelRepositoryLoaderTests : IDisposable
{
    private readonly TempRepository _repository = new();

    [Fact]
    public async Task ExecuteAsync_OneCorruptVersion_OtherVersionServesAndIsDefault()
    {
        _repository.CopyModel(TestModels.Iris, 1);
        var corrupt = _repository.WriteModel(TestModels.Iris, 2, "this is not a protobuf"u8.ToArray());
        _repository.WriteConfig(TestModels.Iris, """{ "version_policy": { "all": true } }""");

        using var catalog = await RepositoryLoading.LoadAsync(_repository.Root);

        var snapshot = catalog.Snapshot;
        Assert.True(snapshot.TryGet(TestModels.Iris, "1", out var good));
        Assert.Equal(VersionState.Ready, good.State);
        Assert.NotNull(good.Loaded);
        IrisFlowers.AssertServes(good.Loaded, 1, IrisFlowers.ThreeSpecies);
        Assert.True(snapshot.TryGet(TestModels.Iris, "2", out var bad));
        Assert.Equal(VersionState.Unavailable, bad.State);
        Assert.Null(bad.Loaded);
        Assert.StartsWith($"ONNX Runtime cannot load {corrupt}: ", bad.Reason, StringComparison.Ordinal);
        Assert.Equal("1", snapshot.DefaultVersion(TestModels.Iris)?.Version);
    }

    [Fact]
    public async Task ExecuteAsync_VersionFailingWarmupOnJsonKind_OthersStillLoadAndCatalogSettles()
    {
        _repository.CopyModel(TestModels.Iris, 1);
        _repository.CopyModel(TestModels.Iris, 1, asVersion: 2);
        _repository.WriteConfig(TestModels.Iris, """{ "version_policy": { "all": true } }""");
        _repository.WriteVersionConfig(TestModels.Iris, 1, """{ "warmup": [ { "name": "nulls", "inputs": { "input": [null, null, null, null] } } ] }""");

        using var catalog = await RepositoryLoading.LoadAsync(_repository.Root);

        Assert.True(catalog.Snapshot.TryGet(TestModels.Iris, "1", out var bad));
        Assert.Equal(VersionState.Unavailable, bad.State);
        Assert.Contains("warm-up 'nulls'", bad.Reason, StringComparison.Ordinal);
        Assert.Equal("2", catalog.Snapshot.DefaultVersion(TestModels.Iris)?.Version);
    }

    [Fact]
    public async Task ExecuteAsync_EmptyRepository_SettlesWithNoModels()
    {
        using var catalog = await RepositoryLoading.LoadAsync(_repository.Root);

        Assert.True(catalog.IsSettled);
        Assert.Empty(catalog.Snapshot.All);
    }

    public void Dispose() => _repository.Dispose();
}

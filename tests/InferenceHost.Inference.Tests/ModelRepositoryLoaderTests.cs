using InferenceHost.Inference.Catalog;
using InferenceHost.Tests.Common;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

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

    [Fact]
    public async Task ExecuteAsync_ReadinessGate_RunsOnTheLoadedCatalogBeforeItSettles()
    {
        _repository.CopyModel(TestModels.Iris, 1);
        using var catalog = new ModelCatalog();
        var gate = new RecordingGate(catalog);
        using var running = await StartAsync(catalog, gate, TimeSpan.FromSeconds(10));

        await Eventually.TrueAsync(() => Task.FromResult(catalog.IsSettled), TimeSpan.FromSeconds(60), "the catalog to settle");

        Assert.Equal((VersionState.Ready, false), gate.Seen);
        await running.Service.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task ExecuteAsync_VersionCopiedInAfterStart_IsLoadedByTheNextRescan()
    {
        _repository.CopyModel(TestModels.Iris, 1);
        _repository.WriteConfig(TestModels.Iris, """{ "version_policy": { "all": true } }""");
        using var catalog = new ModelCatalog();
        using var running = await StartAsync(catalog, new RecordingGate(catalog), TimeSpan.FromSeconds(1));
        await Eventually.TrueAsync(() => Task.FromResult(catalog.IsSettled), TimeSpan.FromSeconds(60), "the catalog to settle");

        _repository.CopyModel(TestModels.Iris, 2);
        Directory.Delete(Path.Combine(_repository.Root, TestModels.Iris, "1"), recursive: true);

        await Eventually.TrueAsync(
            () => Task.FromResult(catalog.Snapshot.VersionsOf(TestModels.Iris).Select(v => (v.Version, v.State)).SequenceEqual([("2", VersionState.Ready)])),
            TimeSpan.FromSeconds(30),
            "the rescan to load version 2 and unload version 1");
        await running.Service.StopAsync(CancellationToken.None);
    }

    public void Dispose() => _repository.Dispose();

    private async Task<RunningLoader> StartAsync(ModelCatalog catalog, ICatalogReadinessGate gate, TimeSpan rescanInterval)
    {
        var options = Options.Create(new InferenceOptions { RepositoryPath = _repository.Root, RescanInterval = rescanInterval });
        var synchronizer = RepositoryLoading.NewSynchronizer(catalog, options);
        var service = new ModelRepositoryLoader(catalog, synchronizer, [gate], options, TimeProvider.System, NullLogger<ModelRepositoryLoader>.Instance);
        await service.StartAsync(CancellationToken.None);
        return new RunningLoader(service, synchronizer);
    }

    private sealed record RunningLoader(ModelRepositoryLoader Service, RepositorySynchronizer Synchronizer) : IDisposable
    {
        public void Dispose()
        {
            Service.Dispose();
            Synchronizer.Dispose();
        }
    }

    /// <summary>Records what the catalog looked like when the gate ran.</summary>
    private sealed class RecordingGate(ModelCatalog catalog) : ICatalogReadinessGate
    {
        public (VersionState State, bool Settled)? Seen { get; private set; }

        public Task PassAsync(CatalogSnapshot loaded, CancellationToken cancellationToken)
        {
            Seen = (loaded.All.Single().State, catalog.IsSettled);
            return Task.CompletedTask;
        }
    }
}

using InferenceHost.Inference.Catalog;
using InferenceHost.Inference.Repository;
using InferenceHost.Tests.Common;
using Microsoft.Extensions.Options;

namespace InferenceHost.Inference.Tests;

/// <summary>The catalog follows the repository on disk: versions that appear load, versions that go unload.</summary>
public sealed class RepositorySynchronizerTests : IDisposable
{
    private readonly TempRepository _repository = new();
    private readonly ModelCatalog _catalog = new();
    private readonly IOptions<InferenceOptions> _options;
    private readonly RepositorySynchronizer _synchronizer;
    private readonly StagingArea _staging;

    public RepositorySynchronizerTests()
    {
        _options = Options.Create(new InferenceOptions { RepositoryPath = _repository.Root });
        _synchronizer = RepositoryLoading.NewSynchronizer(_catalog, _options);
        _staging = new StagingArea(_options, TimeProvider.System);
        _repository.WriteConfig(TestModels.Iris, """{ "max_batch_size": 8, "version_policy": { "all": true } }""");
        _repository.CopyModel(TestModels.Iris, 1);
    }

    [Fact]
    public async Task SynchronizeAsync_VersionAppearedOnDisk_LoadsItAndKeepsTheOthersAsTheyWere()
    {
        await _synchronizer.SynchronizeAsync(CancellationToken.None);
        var one = Loaded("1");
        _repository.CopyModel(TestModels.Iris, 2);

        await _synchronizer.SynchronizeAsync(CancellationToken.None);

        IrisFlowers.AssertServes(Loaded("2"), 2, IrisFlowers.ThreeSpecies);
        Assert.Same(one, Loaded("1"));
    }

    [Fact]
    public async Task SynchronizeModelAsync_VersionFolderGone_UnloadsIt()
    {
        _repository.CopyModel(TestModels.Iris, 2);
        await _synchronizer.SynchronizeAsync(CancellationToken.None);
        var two = Loaded("2");
        Directory.Delete(Path.Combine(_repository.Root, TestModels.Iris, "2"), recursive: true);

        await _synchronizer.SynchronizeModelAsync(TestModels.Iris, CancellationToken.None);

        Assert.Equal(["1"], _catalog.Snapshot.VersionsOf(TestModels.Iris).Select(v => v.Version));
        Assert.Throws<ObjectDisposedException>(() => two.Run([IrisFlowers.Input(IrisFlowers.Setosa)], []));
    }

    [Fact]
    public async Task SynchronizeAsync_LatestOnePolicyAndANewVersion_SwapsThemNewFirst()
    {
        _repository.WriteConfig(TestModels.Iris, """{ "max_batch_size": 8, "version_policy": { "latest": 1 } }""");
        await _synchronizer.SynchronizeAsync(CancellationToken.None);
        var states = new List<string>();
        _catalog.Changed += s => states.Add(string.Join(",", s.VersionsOf(TestModels.Iris).Select(v => $"{v.Version}:{v.State}")));
        _repository.CopyModel(TestModels.Iris, 3);

        await _synchronizer.SynchronizeAsync(CancellationToken.None);

        Assert.Equal(["1:Ready,3:Loading", "1:Ready,3:Ready", "3:Ready"], states);
    }

    [Fact]
    public async Task AddAsync_ValidatedUpload_BecomesTheVersionFolderAndServesAsLoaded()
    {
        await _synchronizer.SynchronizeAsync(CancellationToken.None);
        var id = await StageAsync(TestModels.Iris, 2);
        _staging.TryGetModelPath(id, out var staged);
        var loaded = TestModels.NewLoader().Load(ModelRepositoryScanner.Candidate(_repository.Root, TestModels.Iris, "4", staged).Source);

        await _synchronizer.AddAsync(id, TestModels.Iris, "4", loaded);

        Assert.True(File.Exists(_repository.ModelPath(TestModels.Iris, 4)));
        Assert.False(_staging.TryGetModelPath(id, out _));
        Assert.Same(loaded, Loaded("4"));
        IrisFlowers.AssertServes(loaded, 2, IrisFlowers.ThreeSpecies);
        await _synchronizer.SynchronizeAsync(CancellationToken.None);
        Assert.Same(loaded, Loaded("4"));
    }

    [Fact]
    public async Task AddAsync_VersionFolderExists_ThrowsAndChangesNothing()
    {
        await _synchronizer.SynchronizeAsync(CancellationToken.None);
        var before = _catalog.Snapshot;
        var id = await StageAsync(TestModels.Iris, 2);
        _staging.TryGetModelPath(id, out var staged);
        using var loaded = TestModels.NewLoader().Load(ModelRepositoryScanner.Candidate(_repository.Root, TestModels.Iris, "1", staged).Source);

        await Assert.ThrowsAsync<IOException>(() => _synchronizer.AddAsync(id, TestModels.Iris, "1", loaded));

        Assert.Same(before, _catalog.Snapshot);
        Assert.True(_staging.TryGetModelPath(id, out _));
    }

    [Fact]
    public async Task RemoveAsync_Version_LeavesDiskAndCatalog()
    {
        _repository.CopyModel(TestModels.Iris, 2);
        await _synchronizer.SynchronizeAsync(CancellationToken.None);

        Assert.True(await _synchronizer.RemoveAsync(TestModels.Iris, "2"));

        Assert.False(Directory.Exists(Path.Combine(_repository.Root, TestModels.Iris, "2")));
        Assert.Equal(["1"], _catalog.Snapshot.VersionsOf(TestModels.Iris).Select(v => v.Version));
        Assert.False(await _synchronizer.RemoveAsync(TestModels.Iris, "2"));
    }

    public void Dispose()
    {
        _synchronizer.Dispose();
        _catalog.Dispose();
        _repository.Dispose();
    }

    private Execution.LoadedModel Loaded(string version) =>
        _catalog.Snapshot.TryGet(TestModels.Iris, version, out var entry) && entry.Loaded is { } loaded
            ? loaded
            : throw new InvalidOperationException($"version {version} is not loaded: {entry?.Reason}");

    private async Task<string> StageAsync(string model, int version)
    {
        await using var file = File.OpenRead(SampleModelPath(model, version));
        return await _staging.WriteAsync(file, CancellationToken.None);
    }

    private static string SampleModelPath(string model, int version) => ModelBuilder.SampleModelWriter.ModelPath(RepositoryPaths.Models, model, version);
}

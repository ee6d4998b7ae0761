using InferenceHost.Inference.Catalog;
using InferenceHost.Inference.Execution;
using InferenceHost.Tests.Common;

namespace InferenceHost.Inference.Tests;

/// <summary>Unloading a version from the catalog: readers stop finding it, and its session goes once no run uses it.</summary>
public sealed class ModelCatalogTests : IDisposable
{
    private readonly ModelCatalog _catalog = new();
    private readonly ModelLoader _loader = TestModels.NewLoader();

    [Fact]
    public void Remove_ReadyVersion_UnlistsItPublishesAndFreesItsSession()
    {
        var one = PublishIris("1");
        var two = PublishIris("2");
        var before = _catalog.Snapshot;
        CatalogSnapshot? published = null;
        _catalog.Changed += snapshot => published = snapshot;

        Assert.True(_catalog.Remove(TestModels.Iris, "2"));

        var after = _catalog.Snapshot;
        Assert.Same(after, published);
        Assert.True(after.Revision > before.Revision);
        Assert.False(after.TryGet(TestModels.Iris, "2", out _));
        Assert.Equal("1", after.DefaultVersion(TestModels.Iris)?.Version);
        Assert.True(before.TryGet(TestModels.Iris, "2", out _));
        Assert.Throws<ObjectDisposedException>(() => two.Run([IrisFlowers.Input(IrisFlowers.Setosa)], []));
        IrisFlowers.AssertServes(one, 1, IrisFlowers.ThreeSpecies);
    }

    [Fact]
    public void Remove_LastVersionOfAModel_RemovesTheModel()
    {
        PublishIris("1");

        Assert.True(_catalog.Remove(TestModels.Iris, "1"));

        Assert.False(_catalog.Snapshot.HasModel(TestModels.Iris));
        Assert.Empty(_catalog.Snapshot.All);
    }

    [Fact]
    public void Remove_UnknownVersion_ReturnsFalseAndPublishesNothing()
    {
        PublishIris("1");
        var before = _catalog.Snapshot;
        var changes = 0;
        _catalog.Changed += _ => changes++;

        Assert.False(_catalog.Remove(TestModels.Iris, "7"));
        Assert.False(_catalog.Remove("no-such-model", "1"));

        Assert.Same(before, _catalog.Snapshot);
        Assert.Equal(0, changes);
    }

    [Fact]
    public async Task Remove_UnderConcurrentRuns_EveryRunCompletesOrIsRefused()
    {
        var model = PublishIris("1");
        using var running = new CancellationTokenSource();
        var completed = 0;
        var refused = 0;
        var runners = Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
        {
            while (true)
            {
                try
                {
                    IrisFlowers.AssertMatchesReference(1, IrisFlowers.ThreeSpecies, model.Run([IrisFlowers.Input(IrisFlowers.ThreeSpecies)], []));
                    Interlocked.Increment(ref completed);
                }
                catch (ObjectDisposedException)
                {
                    Interlocked.Increment(ref refused);
                    return;
                }
            }
        })).ToArray();
        await Eventually.TrueAsync(() => Task.FromResult(Volatile.Read(ref completed) > 100), TimeSpan.FromSeconds(30), "runs to be under way");

        Assert.True(_catalog.Remove(TestModels.Iris, "1"));

        await Task.WhenAll(runners).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(4, refused);
    }

    public void Dispose() => _catalog.Dispose();

    private LoadedModel PublishIris(string version)
    {
        var model = _loader.Load(RepositoryPaths.Models, TestModels.Iris, version);
        _catalog.Publish(new ModelVersionEntry(TestModels.Iris, version, VersionState.Ready, string.Empty, model));
        return model;
    }
}

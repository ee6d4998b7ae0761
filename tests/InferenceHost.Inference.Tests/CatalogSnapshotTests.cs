using InferenceHost.Inference.Catalog;

namespace InferenceHost.Inference.Tests;

public sealed class CatalogSnapshotTests
{
    [Fact]
    public void VersionsOf_VersionsPublishedOutOfOrder_OrdersThemNumerically()
    {
        using var catalog = Publish(("10", VersionState.Ready), ("2", VersionState.Ready), ("9", VersionState.Ready));

        Assert.Equal(["2", "9", "10"], catalog.Snapshot.VersionsOf(TestModels.Iris).Select(v => v.Version));
    }

    [Fact]
    public void DefaultVersion_TenAndTwoReady_IsTen()
    {
        using var catalog = Publish(("2", VersionState.Ready), ("10", VersionState.Ready));

        Assert.Equal("10", catalog.Snapshot.DefaultVersion(TestModels.Iris)?.Version);
    }

    [Fact]
    public void DefaultVersion_HighestUnavailable_IsHighestReady()
    {
        using var catalog = Publish(("2", VersionState.Ready), ("9", VersionState.Ready), ("10", VersionState.Unavailable));

        Assert.Equal("9", catalog.Snapshot.DefaultVersion(TestModels.Iris)?.Version);
    }

    [Fact]
    public void DefaultVersion_NothingReady_IsNull()
    {
        using var catalog = Publish(("1", VersionState.Loading), ("2", VersionState.Unavailable));

        Assert.Null(catalog.Snapshot.DefaultVersion(TestModels.Iris));
    }

    [Fact]
    public void Publish_SameVersionAgain_ReplacesItAndRaisesRevision()
    {
        using var catalog = Publish(("1", VersionState.Loading));
        var before = catalog.Snapshot;

        catalog.Publish(new ModelVersionEntry(TestModels.Iris, "1", VersionState.Unavailable, "broken", null));

        Assert.True(catalog.Snapshot.Revision > before.Revision);
        Assert.Equal(VersionState.Unavailable, Assert.Single(catalog.Snapshot.VersionsOf(TestModels.Iris)).State);
        Assert.Equal(VersionState.Loading, Assert.Single(before.VersionsOf(TestModels.Iris)).State);
    }

    private static ModelCatalog Publish(params (string Version, VersionState State)[] versions)
    {
        var catalog = new ModelCatalog();
        foreach (var (version, state) in versions)
        {
            catalog.Publish(new ModelVersionEntry(TestModels.Iris, version, state, state == VersionState.Ready ? string.Empty : "not ready", null));
        }

        return catalog;
    }
}

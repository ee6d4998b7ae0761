using InferenceHost.Abstractions.Management;
using InferenceHost.Abstractions.Models;
using InferenceHost.Abstractions.Repository;
using InferenceHost.Abstractions.Routing;
using InferenceHost.Inference.Catalog;
using InferenceHost.Inference.Execution;
using InferenceHost.Inference.Tensors;
using InferenceHost.ModelBuilder;
using InferenceHost.Tests.Common;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace InferenceHost.Grains.Tests.Repository;

/// <summary>
/// Versions added and removed on a two-silo cluster sharing one repository folder: whichever silo receives
/// the change, both silos follow. Tests share the cluster, so each works on version ids of its own.
/// </summary>
public sealed class RepositoryVersionTests(SharedRepositoryClusterFixture fixture) : IClassFixture<SharedRepositoryClusterFixture>
{
    private const string Model = RepositoryClusterFixture.Model;

    private static readonly TimeSpan FollowDeadline = TimeSpan.FromSeconds(15);

    private IModelManagementGrain Management => fixture.Cluster.Client.GetGrain<IModelManagementGrain>(IModelManagementGrain.DefaultKey);

    private IModelRouterGrain Router => fixture.Cluster.Client.GetGrain<IModelRouterGrain>(Model);

    [Fact]
    public async Task UploadVersion_StagedOnOneSilo_IsReadyOnBothSilosServesAndIsDeployable()
    {
        var uploadId = await StageAsync(fixture.Silos[0], "4", sampleVersion: 2);

        var status = await Management.UploadVersion(Model, "4", uploadId, "tester");

        Assert.Equal((Model, "4", 2), (status.Model, status.Version, status.Silos.Count));
        Assert.Contains(status.Silos, s => s.State == ModelVersionState.Ready);
        await Eventually.TrueAsync(async () => (await Management.GetVersion(Model, "4")).IsReadyEverywhere, FollowDeadline, "version 4 on both silos");
        foreach (var silo in fixture.Silos)
        {
            AssertServesLikeVersion(2, Loaded(silo, "4"));
        }

        Assert.True(File.Exists(Path.Combine(fixture.RepositoryOf(0), Model, "4", "model.onnx")));
        Assert.Empty(Directory.GetDirectories(Path.Combine(fixture.RepositoryOf(0), ".staging")));
        var deployed = await Router.Deploy(new Deployment(new SlotAssignment("1", 90), null, new SlotAssignment("4", 10), ServingSlot.Blue, null), null, "tester");
        Assert.Equal("4", deployed.Deployment?.Canary?.Version);
        var audit = await fixture.Cluster.Client.GetGrain<IAuditLogGrain>(IAuditLogGrain.DefaultKey).Recent(10, Model);
        var upload = Assert.Single(audit, e => e.Action == "upload");
        Assert.Equal(("tester", "no version 4"), (upload.Actor, upload.Before));
        Assert.StartsWith("version 4 (", upload.After, StringComparison.Ordinal);
        Assert.Contains("sha256 ", upload.After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VersionCopiedIntoTheRepository_IsLoadedByEverySilosRescan()
    {
        fixture.CopyVersion(0, 3, "7");

        await Eventually.TrueAsync(async () => (await Management.GetVersion(Model, "7")).IsReadyEverywhere, FollowDeadline, "version 7 on both silos");
        foreach (var silo in fixture.Silos)
        {
            AssertServesLikeVersion(3, Loaded(silo, "7"));
        }
    }

    [Fact]
    public async Task DeleteVersion_Unused_LeavesBothSilosAndTheRepository()
    {
        fixture.CopyVersion(0, 3, "5");
        await Eventually.TrueAsync(async () => (await Management.GetVersion(Model, "5")).IsReadyEverywhere, FollowDeadline, "version 5 on both silos");

        await Management.DeleteVersion(Model, "5", "tester");

        Assert.False(Directory.Exists(Path.Combine(fixture.RepositoryOf(0), Model, "5")));
        await Eventually.TrueAsync(
            () => Task.FromResult(fixture.Silos.All(s => !Catalog(s).Snapshot.TryGet(Model, "5", out _))), FollowDeadline, "version 5 gone from both silos");
        await Eventually.TrueAsync(() => IsGoneAsync("5"), FollowDeadline, "both silos to report version 5 gone");
        var error = await Assert.ThrowsAsync<DeploymentException>(() => Management.GetVersion(Model, "5"));
        Assert.Equal((DeploymentErrorKind.NotFound, "model 'iris-mlp' has no version '5'"), (error.Kind, error.Message));
        var audit = await fixture.Cluster.Client.GetGrain<IAuditLogGrain>(IAuditLogGrain.DefaultKey).Recent(10, Model);
        var deletion = Assert.Single(audit, e => e.Action == "delete" && e.Before == "version 5");
        Assert.Equal(("tester", "version 5", "no version 5"), (deletion.Actor, deletion.Before, deletion.After));
    }

    [Fact]
    public async Task Rollback_ToADeploymentWhoseVersionWasDeleted_IsAConflictAndChangesNothing()
    {
        fixture.CopyVersion(0, 3, "6");
        await Eventually.TrueAsync(async () => (await Management.GetVersion(Model, "6")).IsReadyEverywhere, FollowDeadline, "version 6 on both silos");
        await Router.Deploy(Deployment.Single("6"), null, "tester");
        var current = await Router.Deploy(Deployment.Single("1"), null, "tester");
        await Management.DeleteVersion(Model, "6", "tester");

        var error = await Assert.ThrowsAsync<DeploymentException>(() => Router.Rollback("tester"));

        Assert.Equal(DeploymentErrorKind.Conflict, error.Kind);
        Assert.StartsWith("cannot roll back to the earlier deployment: invalid deployment: blue version '6' of model 'iris-mlp' is not loaded and ready", error.Message);
        Assert.Equal(current, await Router.GetRouteTable());
    }

    private async Task<bool> IsGoneAsync(string version)
    {
        try
        {
            await Management.GetVersion(Model, version);
            return false;
        }
        catch (DeploymentException e) when (e.Kind == DeploymentErrorKind.NotFound)
        {
            return true;
        }
    }

    [Fact]
    public async Task DeleteVersion_NamedByTheDeployment_IsAConflictAndChangesNothing()
    {
        fixture.CopyVersion(0, 1, "6");
        await Eventually.TrueAsync(async () => (await Management.GetVersion(Model, "6")).IsReadyEverywhere, FollowDeadline, "version 6 on both silos");
        var deployed = await Router.Deploy(new Deployment(new SlotAssignment("1", 100), null, null, ServingSlot.Blue, new ShadowAssignment("6", 10)), null, "tester");

        var error = await Assert.ThrowsAsync<DeploymentException>(() => Management.DeleteVersion(Model, "6", "tester"));

        Assert.Equal(DeploymentErrorKind.Conflict, error.Kind);
        Assert.Equal(
            $"version '6' of model 'iris-mlp' serves traffic: its deployment at revision {deployed.Revision} names it as shadow; deploy without it first",
            error.Message);
        Assert.True((await Management.GetVersion(Model, "6")).IsReadyEverywhere);
        Assert.True(Directory.Exists(Path.Combine(fixture.RepositoryOf(0), Model, "6")));
    }

    [Theory]
    [InlineData("1", DeploymentErrorKind.Conflict, "model 'iris-mlp' already has version '1'; delete it first or upload under another id")]
    [InlineData("01", DeploymentErrorKind.Invalid, "'01' is not a valid version id: use a positive integer of up to 18 digits, without leading zeros")]
    public async Task StageAsync_DoomedUpload_IsRefusedBeforeAnythingIsWritten(string version, DeploymentErrorKind kind, string message)
    {
        var staging = fixture.Silos[0].GetRequiredService<IVersionUploadStaging>();

        var error = await Assert.ThrowsAsync<DeploymentException>(() => staging.StageAsync(Model, version, new MemoryStream([1, 2, 3]), CancellationToken.None));

        Assert.Equal((kind, message), (error.Kind, error.Message));
        var stagingRoot = Path.Combine(fixture.RepositoryOf(0), ".staging");
        Assert.True(!Directory.Exists(stagingRoot) || Directory.GetDirectories(stagingRoot).Length == 0);
    }

    [Fact]
    public async Task StageAsync_UnknownModel_IsNotFound()
    {
        var staging = fixture.Silos[1].GetRequiredService<IVersionUploadStaging>();

        var error = await Assert.ThrowsAsync<DeploymentException>(() => staging.StageAsync("no-such-model", "1", Stream.Null, CancellationToken.None));

        Assert.Equal(DeploymentErrorKind.NotFound, error.Kind);
    }

    [Fact]
    public async Task UploadVersion_UnderALatestOnePolicy_ReplacesTheOldVersionUnlessItIsDeployed()
    {
        const string Echo = RepositoryClusterFixture.Echo;
        var older = await StageAsync(fixture.Silos[0], Echo, "3", sampleVersion: 1);
        var notServed = await Assert.ThrowsAsync<DeploymentException>(() => Management.UploadVersion(Echo, "3", older, "tester"));
        Assert.Equal(
            (DeploymentErrorKind.Invalid, "model 'dtype-echo' would not serve version '3': its version_policy serves only '5' of the versions it would then hold"),
            (notServed.Kind, notServed.Message));

        var echoRouter = fixture.Cluster.Client.GetGrain<IModelRouterGrain>(Echo);
        var deployed = await echoRouter.Deploy(Deployment.Single(RepositoryClusterFixture.EchoVersion), null, "tester");
        var newer = await StageAsync(fixture.Silos[1], Echo, "6", sampleVersion: 1);
        var unloadsDeployed = await Assert.ThrowsAsync<DeploymentException>(() => Management.UploadVersion(Echo, "6", newer, "tester"));
        Assert.Equal(
            (DeploymentErrorKind.Conflict, $"adding version '6' would unload '5' (model 'dtype-echo''s version_policy), but its deployment at revision {deployed.Revision} names blue '5'; deploy without it first"),
            (unloadsDeployed.Kind, unloadsDeployed.Message));
        Assert.False(Directory.Exists(Path.Combine(fixture.RepositoryOf(0), Echo, "6")));

        await echoRouter.Rollback("tester");
        var replacing = await StageAsync(fixture.Silos[1], Echo, "6", sampleVersion: 1);
        await Management.UploadVersion(Echo, "6", replacing, "tester");

        await Eventually.TrueAsync(
            () => Task.FromResult(fixture.Silos.All(s => Catalog(s).Snapshot.VersionsOf(Echo).Select(v => (v.Version, v.State)).SequenceEqual([("6", VersionState.Ready)]))),
            FollowDeadline,
            "both silos to serve version 6 alone");
        Assert.Empty(Directory.GetDirectories(Path.Combine(fixture.RepositoryOf(0), ".staging")));
    }

    private static async Task<string> StageAsync(IServiceProvider silo, string version, int sampleVersion) => await StageAsync(silo, Model, version, sampleVersion);

    private static async Task<string> StageAsync(IServiceProvider silo, string model, string version, int sampleVersion)
    {
        await using var file = File.OpenRead(SampleModelWriter.ModelPath(RepositoryPaths.Models, model, sampleVersion));
        return await silo.GetRequiredService<IVersionUploadStaging>().StageAsync(model, version, file, CancellationToken.None);
    }

    private static ModelCatalog Catalog(IServiceProvider silo) => silo.GetRequiredService<ModelCatalog>();

    private static LoadedModel Loaded(IServiceProvider silo, string version) =>
        Catalog(silo).Snapshot.TryGet(Model, version, out var entry) && entry.Loaded is { } loaded
            ? loaded
            : throw new InvalidOperationException($"version {version} is not loaded: {entry?.Reason}");

    private static void AssertServesLikeVersion(int sampleVersion, LoadedModel model)
    {
        var flower = new[] { 7.0f, 3.2f, 4.7f, 1.4f };
        var input = new TensorInput(IrisMlpReference.InputName, "FP32", [1, 4], System.Runtime.InteropServices.MemoryMarshal.AsBytes(flower.AsSpan()).ToArray());
        var label = model.Run([input], [IrisMlpReference.LabelName]).Single();
        Assert.Equal(IrisMlpReference.Predict(sampleVersion, flower).Label, BitConverter.ToInt64(label.Data.Span));
    }
}

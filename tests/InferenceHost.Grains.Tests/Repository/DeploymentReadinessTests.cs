using InferenceHost.Abstractions.Repository;
using InferenceHost.Abstractions.Routing;
using InferenceHost.Inference.Catalog;
using InferenceHost.Tests.Common;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace InferenceHost.Grains.Tests.Repository;

/// <summary>A version may take traffic only once it is ready on every active silo, and the refusal names the silos where it is not.</summary>
public sealed class DeploymentReadinessTests(SplitRepositoryClusterFixture fixture) : IClassFixture<SplitRepositoryClusterFixture>
{
    private const string Model = RepositoryClusterFixture.Model;

    private static readonly TimeSpan FollowDeadline = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Deploy_VersionReadyOnOneSiloOnly_IsRefusedNamingTheOtherSiloUntilItIsReadyThereToo()
    {
        var router = fixture.Cluster.Client.GetGrain<IModelRouterGrain>(Model);
        var repository = fixture.Cluster.Client.GetGrain<IModelRepositoryGrain>(IModelRepositoryGrain.DefaultKey);
        var second = fixture.Silos[1].GetRequiredService<ILocalSiloDetails>().SiloAddress.ToParsableString();
        fixture.CopyVersion(0, 2, "8");
        await Eventually.TrueAsync(
            async () => (await repository.GetVersions(Model, ["8"]))[0].Silos.Count(s => s.State is not null) == 1,
            FollowDeadline,
            "version 8 on the first silo");
        var before = await router.GetRouteTable();

        var error = await Assert.ThrowsAsync<DeploymentException>(() => router.Deploy(Deployment.Single("8"), null, "tester"));

        Assert.Equal(DeploymentErrorKind.Invalid, error.Kind);
        Assert.Equal(
            $"invalid deployment: blue version '8' of model 'iris-mlp' is not loaded and ready on every silo: {second} (not loaded on this silo)",
            error.Message);
        Assert.Equal(before, await router.GetRouteTable());
        Assert.False(fixture.Silos[1].GetRequiredService<ModelCatalog>().Snapshot.TryGet(Model, "8", out _));

        fixture.CopyVersion(1, 2, "8");
        await Eventually.TrueAsync(async () => (await repository.GetVersions(Model, ["8"]))[0].IsReadyEverywhere, FollowDeadline, "version 8 on both silos");
        var deployed = await router.Deploy(Deployment.Single("8"), null, "tester");

        Assert.Equal(Deployment.Single("8"), deployed.Deployment);
    }
}

using InferenceHost.Abstractions.Management;
using InferenceHost.Abstractions.Routing;
using Xunit;

namespace InferenceHost.Grains.Tests;

/// <summary>
/// The router grain on a real two-silo cluster. Tests share the model's router, so each reads
/// the current revision first and asserts what its own change did.
/// </summary>
public sealed class ModelRouterGrainTests(TwoSiloClusterFixture fixture) : IClassFixture<TwoSiloClusterFixture>
{
    private const string Model = "iris-mlp";

    private IModelRouterGrain Router => fixture.Cluster.Client.GetGrain<IModelRouterGrain>(Model);

    [Fact]
    public async Task Deploy_ValidCanarySplit_PublishesTheNextRevision()
    {
        var before = await Router.GetRouteTable();
        var canary = new Deployment(new SlotAssignment("1", 80), null, new SlotAssignment("2", 20), ServingSlot.Blue, new ShadowAssignment("3", 10));

        var after = await Router.Deploy(canary, before.Revision, "tester");

        Assert.Equal(before.Revision + 1, after.Revision);
        Assert.Equal(canary, after.Deployment);
        Assert.Equal("tester", after.ChangedBy);
        Assert.Equal(after, await Router.GetRouteTable());
    }

    [Theory]
    [InlineData(70, 20, "invalid deployment: weights must sum to 100, not 90")]
    [InlineData(120, -20, "invalid deployment: blue weight must be 0 to 100, not 120; canary weight must be 0 to 100, not -20")]
    public async Task Deploy_BrokenWeights_IsRefusedAndChangesNothing(int blue, int canary, string message)
    {
        var before = await Router.GetRouteTable();

        var error = await Assert.ThrowsAsync<DeploymentException>(() => Router.Deploy(
            new Deployment(new SlotAssignment("1", blue), null, new SlotAssignment("2", canary), ServingSlot.Blue, null), null, "tester"));

        Assert.Equal((DeploymentErrorKind.Invalid, message), (error.Kind, error.Message));
        Assert.Equal(before, await Router.GetRouteTable());
    }

    [Fact]
    public async Task Deploy_VersionThatIsNotLoaded_IsRefusedAndChangesNothing()
    {
        var before = await Router.GetRouteTable();

        var error = await Assert.ThrowsAsync<DeploymentException>(() => Router.Deploy(Deployment.Single("9"), null, "tester"));

        Assert.Equal(DeploymentErrorKind.Invalid, error.Kind);
        Assert.Equal("invalid deployment: blue version '9' of model 'iris-mlp' is not loaded and ready", error.Message);
        Assert.Equal(before, await Router.GetRouteTable());
    }

    [Fact]
    public async Task Deploy_StaleRevision_IsAConflictAndChangesNothing()
    {
        var before = await Router.GetRouteTable();

        var error = await Assert.ThrowsAsync<DeploymentException>(() => Router.Deploy(Deployment.Single("1"), before.Revision + 5, "tester"));

        Assert.Equal(DeploymentErrorKind.Conflict, error.Kind);
        Assert.Equal($"model 'iris-mlp' is at revision {before.Revision}, not {before.Revision + 5}; read it again and retry", error.Message);
        Assert.Equal(before, await Router.GetRouteTable());
    }

    [Fact]
    public async Task Deploy_UnknownModel_IsNotFound()
    {
        var router = fixture.Cluster.Client.GetGrain<IModelRouterGrain>("no-such-model");

        var error = await Assert.ThrowsAsync<DeploymentException>(() => router.Deploy(Deployment.Single("1"), null, "tester"));

        Assert.Equal(DeploymentErrorKind.NotFound, error.Kind);
        Assert.Equal(0, (await router.GetRouteTable()).Revision);
    }

    [Fact]
    public async Task Switch_BlueActiveGreenStandby_MovesTheWholeColourShareAtOnce()
    {
        var blueGreen = new Deployment(new SlotAssignment("1", 90), new SlotAssignment("2", 0), new SlotAssignment("3", 10), ServingSlot.Blue, null);
        await Router.Deploy(blueGreen, null, "tester");

        var switched = await Router.Switch("tester");

        Assert.Equal(
            new Deployment(new SlotAssignment("1", 0), new SlotAssignment("2", 90), new SlotAssignment("3", 10), ServingSlot.Green, null),
            switched.Deployment);
    }

    [Fact]
    public async Task Rollback_AfterADeploy_RestoresThePreviousDeploymentAsANewRevision()
    {
        await Router.Deploy(Deployment.Single("1"), null, "tester");
        var deployed = await Router.Deploy(Deployment.Single("3"), null, "tester");

        var rolledBack = await Router.Rollback("operator");

        Assert.Equal(deployed.Revision + 1, rolledBack.Revision);
        Assert.Equal(Deployment.Single("1"), rolledBack.Deployment);
        var audit = await fixture.Cluster.Client.GetGrain<IAuditLogGrain>(IAuditLogGrain.DefaultKey).Recent(1, Model);
        var entry = Assert.Single(audit);
        Assert.Equal(("operator", "rollback", Model), (entry.Actor, entry.Action, entry.Model));
        Assert.Equal($"r{deployed.Revision} blue=3 100% (active)", entry.Before);
        Assert.Equal($"r{rolledBack.Revision} blue=1 100% (active)", entry.After);
    }
}

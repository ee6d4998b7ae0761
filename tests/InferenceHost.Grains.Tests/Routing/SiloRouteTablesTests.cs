using InferenceHost.Abstractions.Routing;
using InferenceHost.Grains.Routing;
using InferenceHost.Tests.Common;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Core.Internal;
using Xunit;

namespace InferenceHost.Grains.Tests.Routing;

/// <summary>
/// Each silo's route table cache on a real two-silo cluster: pushes reach every silo within a
/// second, and polling heals a silo whose push was lost. Tests share the model's router, so each
/// asserts on the revisions its own changes made.
/// </summary>
public sealed class SiloRouteTablesTests(TwoSiloClusterFixture fixture) : IClassFixture<TwoSiloClusterFixture>
{
    private const string Model = "iris-mlp";

    private static readonly TimeSpan PushDeadline = TimeSpan.FromSeconds(1);

    private IModelRouterGrain Router => fixture.Cluster.Client.GetGrain<IModelRouterGrain>(Model);

    [Fact]
    public async Task Deploy_IsVisibleInEverySilosRouteTablesWithinOneSecond()
    {
        foreach (var silo in fixture.Silos)
        {
            await Routes(silo).GetAsync(Model);
        }

        var deployed = await Router.Deploy(
            new Deployment(new SlotAssignment("1", 90), null, new SlotAssignment("2", 10), ServingSlot.Blue, null), null, "tester");

        await Eventually.TrueAsync(() => EverySiloHasAsync(deployed.Revision), PushDeadline, $"revision {deployed.Revision} on both silos");
        foreach (var silo in fixture.Silos)
        {
            Assert.Equal(deployed, await Routes(silo).GetAsync(Model));
        }
    }

    [Fact]
    public async Task GetAsync_CachedModel_CompletesSynchronouslyWithoutAllocating()
    {
        var routes = Routes(fixture.Silos[0]);
        await routes.GetAsync(Model);
        var misses = 0;

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            var hit = routes.GetAsync(Model);
            misses += hit.IsCompletedSuccessfully ? 0 : 1;
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(0, misses);
    }

    [Fact]
    public async Task OnRouteTableChanged_OlderRevision_KeepsTheNewerTable()
    {
        var cache = new SiloRouteTables(fixture.Silos[0].GetRequiredService<IGrainFactory>(), NullLogger<SiloRouteTables>.Instance);
        var current = await cache.GetAsync(Model);

        await cache.OnRouteTableChanged(current with { Revision = current.Revision - 1, Deployment = Deployment.Single("3") });

        Assert.Same(current, await cache.GetAsync(Model));
    }

    [Fact]
    public async Task MissedPush_IsHealedByPolling_WhichAlsoRenewsTheSubscription()
    {
        foreach (var silo in fixture.Silos)
        {
            await Routes(silo).GetAsync(Model);
        }

        // A cache without a poller, so only an explicit poll can heal it.
        var cache = new SiloRouteTables(fixture.Silos[1].GetRequiredService<IGrainFactory>(), NullLogger<SiloRouteTables>.Instance);
        var before = await cache.GetAsync(Model);

        // A router that deactivates forgets its subscribers: pushes are lost until each silo subscribes again.
        await Router.Cast<IGrainManagementExtension>().DeactivateOnIdle();
        var missed = await Router.Deploy(Deployment.Single("2"), null, "tester");

        Assert.True(cache.TryGet(Model, out var stale));
        Assert.Equal(before.Revision, stale.Revision);
        await cache.PollAsync();
        Assert.Equal(missed, await cache.GetAsync(Model));

        var pushed = await Router.Deploy(Deployment.Single("1"), null, "tester");
        await Eventually.TrueAsync(
            async () => (await cache.GetAsync(Model)).Revision == pushed.Revision, PushDeadline, "the push after the poll re-subscribed");

        // The silos' own caches heal by their pollers (every 2 s by default), whether or not their pushes were lost.
        await Eventually.TrueAsync(() => EverySiloHasAsync(pushed.Revision), TimeSpan.FromSeconds(5), "both silos to catch up");
    }

    private static IRouteTableSource Routes(IServiceProvider silo) => silo.GetRequiredService<IRouteTableSource>();

    private async Task<bool> EverySiloHasAsync(long revision)
    {
        foreach (var silo in fixture.Silos)
        {
            if ((await Routes(silo).GetAsync(Model)).Revision != revision)
            {
                return false;
            }
        }

        return true;
    }
}

using InferenceHost.Tests.Common;
using Xunit;

namespace InferenceHost.Silo.Tests.Cluster;

/// <summary>
/// Issue 6, graceful shutdown and drain: each of three silo processes in turn is stopped with SIGTERM and started
/// again while clients send steadily through a balancer that polls readiness. A draining silo says it is not ready
/// while it still serves, so the balancer moves away before it stops taking requests: none fails.
/// </summary>
[Collection(SiloProcessCollection.Name)]
public sealed class RollingRestartTests(DrainingThreeSiloProcessClusterFixture cluster) : IClassFixture<DrainingThreeSiloProcessClusterFixture>
{
    private const string Model = "iris-mlp";
    private const int Clients = 4;
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task RestartEachSiloInTurn_UnderLoad_NoRequestFailsAndEverySiloServesAgain()
    {
        var deployment = await cluster.Silos[0].Http.PutDeploymentAsync(
            Model, """{"active": "blue", "slots": {"blue": {"version": "1", "weight": 80}, "canary": {"version": "2", "weight": 20}}}""");
        await using var traffic = BalancedTraffic.ToReadySilos(cluster.Silos, Model, Clients);
        await traffic.WaitForMoreAsync(100, Limit);

        foreach (var silo in cluster.Silos)
        {
            await silo.StopAsync();
            var servedBefore = traffic.ServedBy(silo);
            await silo.StartAsync();
            await Eventually.TrueAsync(
                () => Task.FromResult(traffic.ServedBy(silo) > servedBefore), Limit, $"{silo.Name} to serve requests after its restart");
        }

        await traffic.WaitForMoreAsync(100, Limit);
        var outcomes = await traffic.StopAsync();

        var failures = outcomes.Where(static o => !o.Succeeded).Select(static o => o.Failure).ToList();
        Assert.True(
            failures.Count == 0,
            $"{failures.Count} of {outcomes.Count} requests failed ({outcomes.Count(static o => o.Retried)} retried): {string.Join(" | ", failures.Take(5))}");
        foreach (var silo in cluster.Silos)
        {
            Assert.Equal(deployment.GetRawText(), (await silo.Http.GetDeploymentAsync(Model)).GetRawText());
        }
    }
}

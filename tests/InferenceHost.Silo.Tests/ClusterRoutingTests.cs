using System.Net;
using System.Text.Json;
using InferenceHost.Tests.Common;
using Xunit;

namespace InferenceHost.Silo.Tests;

/// <summary>
/// Two silos of one cluster: a change made through one silo's admin API is what both silos serve
/// within one second (issue 3: changes reach every silo within one second).
/// </summary>
public sealed class ClusterRoutingTests(TwoSiloRedisClusterFixture cluster) : IClassFixture<TwoSiloRedisClusterFixture>
{
    private const string Model = "iris-mlp";

    private static readonly TimeSpan Propagation = TimeSpan.FromSeconds(1);

    private RedisSiloFixture SiloA => cluster.Silos[0];

    [Fact]
    public async Task Changes_MadeOnSiloA_ServedByBothSilosWithinOneSecond()
    {
        // Both silos serve the model already, so each has cached its table and must be told of changes.
        foreach (var silo in cluster.Silos)
        {
            Assert.True((await silo.Http.InferAsync(Model)).Succeeded);
        }

        var deployed = await DeployOnceEverySiloIsCountedAsync("""
            {"active": "blue", "slots": {"blue": {"version": "1", "weight": 100}, "green": {"version": "2", "weight": 0}}}
            """);
        await AssertServedWithinOneSecondAsync(deployed, "green", "2", "pinned");

        var redeployed = await SiloA.Http.PutDeploymentAsync(Model, """
            {"active": "blue", "slots": {"blue": {"version": "1", "weight": 100}, "green": {"version": "3", "weight": 0}}}
            """);
        await AssertServedWithinOneSecondAsync(redeployed, "green", "3", "pinned");

        var switched = await SiloA.Http.SwitchAsync(Model);
        await AssertServedWithinOneSecondAsync(switched, null, "3", "weighted");

        var rolledBack = await SiloA.Http.RollbackAsync(Model);
        await AssertServedWithinOneSecondAsync(rolledBack, null, "1", "weighted");
    }

    /// <summary>
    /// The first deployment, retried while the cluster says a silo "has not reported its versions yet".
    /// Product issue: the repository grain keeps silos' reports in memory only, and when the second silo
    /// joins, a new activation of it may start without the first silo's report, so for up to one
    /// rescan interval (10 s) after both silos report ready, deployments are refused. Remove once fixed.
    /// </summary>
    private async Task<JsonElement> DeployOnceEverySiloIsCountedAsync(string deployment)
    {
        var path = $"/admin/v1/models/{Model}/deployment";
        var body = string.Empty;
        await Eventually.TrueAsync(
            async () =>
            {
                using var response = await SiloA.Http.SendAdminAsync(HttpMethod.Put, path, deployment);
                body = await response.Content.ReadAsStringAsync();
                Assert.True(
                    response.StatusCode == HttpStatusCode.OK || body.Contains("has not reported its versions yet", StringComparison.Ordinal),
                    $"PUT {path}: {(int)response.StatusCode} {body}");
                return response.StatusCode == HttpStatusCode.OK;
            },
            TimeSpan.FromSeconds(15),
            "the cluster to count both silos' versions");
        using var accepted = JsonDocument.Parse(body);
        return accepted.RootElement.Clone();
    }

    private async Task AssertServedWithinOneSecondAsync(JsonElement change, string? pinnedSlot, string version, string reason)
    {
        var revision = change.GetProperty("revision").GetInt64();
        var last = new ServedResponse[cluster.Silos.Count];
        try
        {
            await Eventually.TrueAsync(
                async () =>
                {
                    for (var i = 0; i < last.Length; i++)
                    {
                        last[i] = await cluster.Silos[i].Http.InferAsync(Model, pinnedSlot);
                    }

                    return last.All(r => r.Status == HttpStatusCode.OK && r.Revision == revision && r.Version == version && r.Reason == reason);
                },
                Propagation,
                $"both silos to serve version {version} at revision {revision}");
        }
        catch (TimeoutException timeout)
        {
            Assert.Fail($"{timeout.Message}; they served: {string.Join(" | ", last.Select(r => r?.ToString()))}");
        }
    }
}

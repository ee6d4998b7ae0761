using System.Text.Json;
using InferenceHost.Tests.Common;
using Xunit;

namespace InferenceHost.Silo.Tests.Cluster;

/// <summary>
/// Issue 6, silo loss under load: one of three silo processes is killed (SIGKILL) while clients behind a
/// retrying balancer keep sending to all three. The survivors keep serving, nothing an operator did is lost,
/// the running rollout goes on from its persisted state wherever its grain lands, and the silo rejoins.
/// </summary>
[Collection(SiloProcessCollection.Name)]
public sealed class SiloLossTests(ThreeSiloProcessClusterFixture cluster) : IClassFixture<ThreeSiloProcessClusterFixture>
{
    private const string Model = "iris-mlp";
    private const int Clients = 6;
    private const double TargetSuccessRate = 0.999;

    /// <summary>Orleans declares a silo dead after missed probes (tens of seconds by default); the rollout grain waits for that.</summary>
    private static readonly TimeSpan RecoveryLimit = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task KillOneSilo_UnderLoad_SurvivorsServeAndNoDeploymentOrRolloutStateIsLost()
    {
        var (first, victim, survivor) = (cluster.Silos[0], cluster.Silos[1], cluster.Silos[2]);
        await first.Http.PutDeploymentAsync(Model, """{"active": "blue", "slots": {"blue": {"version": "1", "weight": 100}}}""");
        var rollout = await first.Http.OkJsonAsync(HttpMethod.Post, $"/admin/v1/models/{Model}/rollouts", """
            {"candidate": "3", "policy": {"mode": "bluegreen", "shadow_percent": 50, "step_interval": "1h", "evaluation_interval": "500ms",
             "gates": [{"metric": "error_rate", "threshold": 0.05}]}}
            """);
        var deployment = await first.Http.GetDeploymentAsync(Model);
        await using var traffic = new BalancedTraffic(cluster.Silos, Model, Clients);
        await traffic.WaitForMoreAsync(200, TimeSpan.FromSeconds(30));

        var killedAt = DateTimeOffset.UtcNow;
        victim.Kill();
        await traffic.WaitForMoreAsync(1000, TimeSpan.FromSeconds(60));
        await Eventually.TrueAsync(
            async () => await LatestDecisionAtAsync(survivor) > killedAt.AddSeconds(1),
            RecoveryLimit,
            "the rollout to evaluate again after the silo's loss");
        await victim.StartAsync();
        await traffic.WaitForMoreAsync(200, TimeSpan.FromSeconds(30));
        var outcomes = await traffic.StopAsync();

        var succeeded = outcomes.Count(static o => o.Succeeded);
        Assert.True(
            succeeded >= TargetSuccessRate * outcomes.Count,
            $"{succeeded} of {outcomes.Count} requests succeeded ({outcomes.Count(static o => o.Retried)} retried); failures: " +
            string.Join(" | ", outcomes.Where(static o => !o.Succeeded).Take(5).Select(static o => o.Failure)));
        Assert.Contains(outcomes, static o => o.Retried);
        foreach (var silo in new[] { survivor, victim })
        {
            Assert.Equal(deployment.GetRawText(), (await silo.Http.GetDeploymentAsync(Model)).GetRawText());
            var status = await silo.Http.OkJsonAsync(HttpMethod.Get, $"/admin/v1/models/{Model}/rollout");
            Assert.Equal(rollout.GetProperty("number").GetInt64(), status.GetProperty("number").GetInt64());
            Assert.Equal(("shadow", false), (status.GetProperty("phase").GetString(), status.GetProperty("paused").GetBoolean()));
        }

        await survivor.Http.OkJsonAsync(HttpMethod.Post, $"/admin/v1/models/{Model}/rollout/abort");
    }

    private static async Task<DateTimeOffset> LatestDecisionAtAsync(SiloProcess silo)
    {
        using var response = await silo.Http.SendAdminAsync(HttpMethod.Get, $"/admin/v1/models/{Model}/rollout");
        return response.IsSuccessStatusCode
            ? JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("latest").GetProperty("at").GetDateTimeOffset()
            : DateTimeOffset.MinValue;
    }
}

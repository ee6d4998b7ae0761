using System.Text.Json.Nodes;
using InferenceHost.Tests.Common;
using Xunit;

namespace InferenceHost.Silo.Tests.Cluster;

/// <summary>
/// Issue 6, whole-cluster restart: every silo process stopped gracefully, then all started again on the same Redis
/// and ServiceId. Everything an operator did (the deployment, the rollout policy, a running rollout, the audit log)
/// reads back the same from every silo.
/// </summary>
[Collection(SiloProcessCollection.Name)]
public sealed class ClusterRestartTests(DrainingThreeSiloProcessClusterFixture cluster) : IClassFixture<DrainingThreeSiloProcessClusterFixture>
{
    private const string Model = "iris-mlp";
    private const string Rollout = $"/admin/v1/models/{Model}/rollout";
    private const string RolloutPolicy = $"/admin/v1/models/{Model}/rollout-policy";

    /// <summary>Held in shadow for an hour, evaluated twice a second: the rollout is running across the restart, not finishing.</summary>
    private const string Policy = """
        {"mode": "bluegreen", "shadow_percent": 50, "step_interval": "1h", "evaluation_interval": "500ms",
         "gates": [{"metric": "error_rate", "threshold": 0.05}]}
        """;

    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task RestartAllSilos_RolloutRunning_DeploymentRolloutPolicyAndAuditReadBackIdentical()
    {
        var first = cluster.Silos[0].Http;
        await first.PutDeploymentAsync(Model, """
            {"active": "blue", "slots": {"blue": {"version": "1", "weight": 80}, "canary": {"version": "2", "weight": 20}}, "shadow": {"version": "3", "percent": 10}}
            """);

        // A rollout needs the canary slot to itself: the operator retires the canary before starting one.
        await first.PutDeploymentAsync(Model, """{"active": "blue", "slots": {"blue": {"version": "1", "weight": 100}}}""");
        await first.OkJsonAsync(HttpMethod.Put, RolloutPolicy, Policy);
        await first.OkJsonAsync(HttpMethod.Post, $"/admin/v1/models/{Model}/rollouts", """{"candidate": "3"}""");
        await Eventually.TrueAsync(
            async () => (await first.OkJsonAsync(HttpMethod.Get, Rollout)).GetProperty("latest").GetProperty("action").GetString() == "wait",
            Limit,
            "the rollout's first evaluation");
        var before = await ReadStateAsync(first);

        await cluster.RestartAllAsync();

        foreach (var silo in cluster.Silos)
        {
            var after = await ReadStateAsync(silo.Http);
            Assert.Equal(before.Deployment, after.Deployment);
            Assert.Equal(before.Policy, after.Policy);
            Assert.Equal(before.Audit, after.Audit);
            Assert.Equal(before.Rollout, after.Rollout);
            Assert.Equal(before.Decisions, after.Decisions.Take(before.Decisions.Count));
        }

        await first.OkJsonAsync(HttpMethod.Post, $"{Rollout}/abort");
    }

    /// <summary>What an operator can read of the model's state, as JSON text; the rollout without its latest decision, which moves on.</summary>
    private static async Task<ModelState> ReadStateAsync(HttpClient http)
    {
        var rollout = JsonNode.Parse((await http.OkJsonAsync(HttpMethod.Get, Rollout)).GetRawText())!.AsObject();
        rollout.Remove("latest");
        var decisions = (await http.OkJsonAsync(HttpMethod.Get, $"{Rollout}/decisions?limit=1000")).GetProperty("decisions");
        return new ModelState(
            (await http.GetDeploymentAsync(Model)).GetRawText(),
            (await http.OkJsonAsync(HttpMethod.Get, RolloutPolicy)).GetRawText(),
            (await http.AuditAsync(Model)).GetRawText(),
            rollout.ToJsonString(),
            [.. decisions.EnumerateArray().Select(static d => d.GetRawText())]);
    }

    private sealed record ModelState(string Deployment, string Policy, string Audit, string Rollout, IReadOnlyList<string> Decisions);
}

using System.Text.Json;
using InferenceHost.Tests.Common;
using Xunit;

namespace InferenceHost.Silo.Tests.Rollouts;

/// <summary>
/// Rollouts on the running host under steady traffic (issue 4): a candidate whose predictions
/// drift is rolled back on its own while it only sees mirrored traffic, and the stable version never
/// stops serving; a candidate that agrees with the stable version is promoted and becomes stable.
/// </summary>
public sealed class AutomaticRolloutTests(EmbeddedAdminHostFixture host) : IClassFixture<EmbeddedAdminHostFixture>
{
    private const string Model = "iris-mlp";
    private const int Clients = 4;
    private static readonly TimeSpan HardCap = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan DecisionLimit = TimeSpan.FromSeconds(90);

    /// <summary>Fast steps for a test; the statistics are the host's own.</summary>
    private const string Policy = """
        {
          "mode": "canary", "shadow_percent": 100, "steps": [50, 100],
          "step_interval": "1s", "step_min_requests": 30, "evaluation_interval": "250ms", "max_duration": "10m",
          "alpha": 0.05, "beta": 0.05,
          "gates": [
            {"metric": "error_rate", "threshold": 0.05},
            {"metric": "invalid_outputs", "threshold": 0.05},
            {"metric": "drift", "threshold": 0.1},
            {"metric": "agreement", "threshold": 0.9}
          ]
        }
        """;

    [Fact]
    public async Task Rollout_CandidateThatDrifts_IsRolledBackInShadowAndNeverServes()
    {
        await AbortRunningAsync();
        await host.Http.PutDeploymentAsync(Model, """{"active": "blue", "slots": {"blue": {"version": "2", "weight": 100}}}""");
        await using var traffic = new RequestStream(host.Http, Model, Clients, HardCap, static (client, n) => IrisFlowers.Request($"drift-{client}-{n}"));

        var started = await StartRolloutAsync("3");
        Assert.Equal("shadow", started.GetProperty("phase").GetString());
        var status = await WaitForPhaseAsync("rolled_back");
        await traffic.WaitForMoreAsync(50);
        var responses = (await traffic.StopAsync()).SelectMany(static c => c).ToList();

        var decision = status.GetProperty("latest");
        Assert.Equal("rollback", decision.GetProperty("action").GetString());
        Assert.Contains("drift", decision.GetProperty("reason").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains(decision.GetProperty("evidence").GetProperty("gates").EnumerateArray(),
            g => g.GetProperty("metric").GetString() == "drift" && g.GetProperty("outcome").GetString() == "fail");
        Assert.All(responses, r => Assert.True(r.Succeeded && r.Version == "2", r.ToString()));
        var deployment = await host.Http.GetDeploymentAsync(Model);
        Assert.Equal(JsonValueKind.Null, Slot(deployment, "canary").ValueKind);
        Assert.Equal(JsonValueKind.Null, deployment.GetProperty("shadow").ValueKind);
        Assert.Equal(100, Slot(deployment, "blue").GetProperty("weight").GetInt32());
        Assert.Contains((await host.Http.AuditAsync(Model)).EnumerateArray(), e => e.GetProperty("action").GetString() == "rollout-rollback");
    }

    [Fact]
    public async Task Rollout_CandidateThatAgrees_IsPromotedAndBecomesStable()
    {
        await AbortRunningAsync();
        await host.Http.PutDeploymentAsync(Model, """{"active": "blue", "slots": {"blue": {"version": "1", "weight": 100}}}""");
        await using var traffic = new RequestStream(host.Http, Model, Clients, HardCap, static (client, n) => IrisFlowers.Request($"good-{client}-{n}"));

        await StartRolloutAsync("3");
        var status = await WaitForPhaseAsync("promoted");
        await traffic.WaitForAsync(static r => r.Version == "3" && r.Slot == "green", 20, "responses from version 3 as the active colour");
        var responses = (await traffic.StopAsync()).SelectMany(static c => c).ToList();

        Assert.Equal(100, status.GetProperty("canary_weight").GetInt32());
        var deployment = await host.Http.GetDeploymentAsync(Model);
        Assert.Equal("green", deployment.GetProperty("active").GetString());
        Assert.Equal(("3", 100), (Slot(deployment, "green").GetProperty("version").GetString(), Slot(deployment, "green").GetProperty("weight").GetInt32()));
        Assert.All(responses, r => Assert.True(r.Succeeded, r.ToString()));
        Assert.Contains(responses, static r => r.Version == "3" && r.Slot == "canary");
        var actions = (await RolloutJsonAsync("rollout/decisions?limit=1000")).GetProperty("decisions").EnumerateArray()
            .Select(static d => d.GetProperty("action").GetString()).Where(static a => a != "wait").ToList();
        Assert.Equal(["start", "step", "step", "promote"], actions);
    }

    [Fact]
    public async Task Rollout_BlueGreenCandidateThatAgrees_WaitsOnStandbyThenTakesAllTrafficAtOnce()
    {
        await AbortRunningAsync();
        await host.Http.PutDeploymentAsync(Model, """{"active": "blue", "slots": {"blue": {"version": "1", "weight": 100}}}""");
        await using var traffic = new RequestStream(host.Http, Model, Clients, HardCap, static (client, n) => IrisFlowers.Request($"bluegreen-{client}-{n}"));

        var started = await StartRolloutAsync("3", Policy.Replace("\"canary\"", "\"bluegreen\"", StringComparison.Ordinal));
        var waiting = await host.Http.GetDeploymentAsync(Model);
        var status = await WaitForPhaseAsync("promoted");
        await traffic.WaitForAsync(static r => r.Version == "3", 20, "responses from version 3");
        var responses = (await traffic.StopAsync()).SelectMany(static c => c).ToList();

        Assert.Equal("shadow", started.GetProperty("phase").GetString());
        Assert.Equal(("3", 0), (Slot(waiting, "green").GetProperty("version").GetString(), Slot(waiting, "green").GetProperty("weight").GetInt32()));
        Assert.Equal("promote", status.GetProperty("latest").GetProperty("action").GetString());
        var deployment = await host.Http.GetDeploymentAsync(Model);
        Assert.Equal("green", deployment.GetProperty("active").GetString());
        Assert.Equal(100, Slot(deployment, "green").GetProperty("weight").GetInt32());
        Assert.All(responses, r => Assert.True(r.Succeeded && r.Slot != "canary", r.ToString()));
        Assert.All(responses.Where(static r => r.Version == "3"), r => Assert.Equal("green", r.Slot));
    }

    private Task<JsonElement> StartRolloutAsync(string candidate, string policy = Policy) =>
        host.Http.OkJsonAsync(HttpMethod.Post, $"/admin/v1/models/{Model}/rollouts", $$"""{"candidate": "{{candidate}}", "policy": {{policy}}}""");

    private async Task<JsonElement> WaitForPhaseAsync(string phase)
    {
        JsonElement status = default;
        try
        {
            await Eventually.TrueAsync(
                async () =>
                {
                    status = await RolloutJsonAsync("rollout");
                    return status.GetProperty("phase").GetString() == phase;
                },
                DecisionLimit,
                $"the rollout to reach {phase}");
        }
        catch (TimeoutException)
        {
            // What the rollout saw is the useful part of a failure.
            Assert.Fail($"the rollout did not reach {phase} within {DecisionLimit}; it stands at {status}");
        }

        return status;
    }

    /// <summary>Ends a rollout an earlier test left running, so each test starts its own.</summary>
    private async Task AbortRunningAsync()
    {
        using var response = await host.Http.SendAdminAsync(HttpMethod.Post, $"/admin/v1/models/{Model}/rollout/abort");
    }

    private Task<JsonElement> RolloutJsonAsync(string path) => host.Http.OkJsonAsync(HttpMethod.Get, $"/admin/v1/models/{Model}/{path}");

    private static JsonElement Slot(JsonElement deployment, string slot) => deployment.GetProperty("slots").GetProperty(slot);
}

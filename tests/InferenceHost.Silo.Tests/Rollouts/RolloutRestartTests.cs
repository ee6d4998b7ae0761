using System.Text.Json;
using InferenceHost.Telemetry.Publishing;
using InferenceHost.Tests.Common;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace InferenceHost.Silo.Tests.Rollouts;

/// <summary>A running rollout outlives its host: after a whole-host restart it goes on evaluating from where it stood, on its own.</summary>
public sealed class RolloutRestartTests(EmbeddedAdminHostFixture host) : IClassFixture<EmbeddedAdminHostFixture>
{
    private const string Model = "iris-mlp";
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    /// <summary>Held in shadow for an hour: the test sees the rollout running, not finishing.</summary>
    private const string Policy = """
        {"shadow_percent": 100, "step_interval": "1h", "evaluation_interval": "250ms", "gates": [{"metric": "error_rate", "threshold": 0.05}]}
        """;

    [Fact]
    public async Task Restart_RolloutRunning_KeepsItsStateAndEvaluatesAgainWithoutAnyoneAsking()
    {
        await host.Http.PutDeploymentAsync(Model, """{"active": "blue", "slots": {"blue": {"version": "1", "weight": 100}}}""");
        await host.Http.OkJsonAsync(HttpMethod.Post, $"/admin/v1/models/{Model}/rollouts", $$"""{"candidate": "2", "policy": {{Policy}}}""");

        await WaitForDecisionAsync(static latest => latest.GetProperty("action").GetString() == "wait", "the rollout's first evaluation");
        var before = await StatusAsync();
        var restartedAt = DateTimeOffset.UtcNow;

        await host.RestartAsync();

        // Watched through what the rollout grain publishes on this silo, since asking the grain would wake it.
        await Eventually.TrueAsync(
            () => Task.FromResult(host.Services.GetRequiredService<RolloutBoard>().Current().Any(s => s.Model == Model && s.Latest.At > restartedAt)),
            Limit,
            "an evaluation after the restart that nobody asked for");

        var after = await StatusAsync();
        Assert.Equal(before.GetProperty("number").GetInt64(), after.GetProperty("number").GetInt64());
        Assert.Equal(("shadow", false), (after.GetProperty("phase").GetString(), after.GetProperty("paused").GetBoolean()));
        Assert.Equal(before.GetProperty("started_at").GetDateTimeOffset(), after.GetProperty("started_at").GetDateTimeOffset());
        var shadow = (await host.Http.GetDeploymentAsync(Model)).GetProperty("shadow");
        Assert.Equal(("2", 100), (shadow.GetProperty("version").GetString(), shadow.GetProperty("percent").GetInt32()));
    }

    private Task WaitForDecisionAsync(Func<JsonElement, bool> latest, string what) =>
        Eventually.TrueAsync(async () => latest((await StatusAsync()).GetProperty("latest")), Limit, what);

    private Task<JsonElement> StatusAsync() => host.Http.OkJsonAsync(HttpMethod.Get, $"/admin/v1/models/{Model}/rollout");
}

using System.Net;
using System.Text.Json;
using InferenceHost.Tests.Common;
using Xunit;

namespace InferenceHost.Silo.Tests;

/// <summary>
/// Restarting the whole host keeps what operators changed: the deployment, the audit log and the
/// rollback history, and requests are routed by the deployment as before. Each storage mode runs
/// these on a host of its own.
/// </summary>
public abstract class DeploymentRestartTests(InferenceHostFixture host)
{
    protected const string Model = "iris-mlp";

    protected const string BlueCanaryWithShadow = """
        {"active": "blue", "slots": {"blue": {"version": "1", "weight": 80}, "canary": {"version": "2", "weight": 20}}, "shadow": {"version": "3", "percent": 10}}
        """;

    private const string EvenSplitWithShadow = """
        {"active": "blue", "slots": {"blue": {"version": "1", "weight": 50}, "canary": {"version": "2", "weight": 50}}, "shadow": {"version": "3", "percent": 25}}
        """;

    [Fact]
    public async Task Restart_AfterTwoChanges_DeploymentAndAuditAsBefore()
    {
        var first = await host.Http.PutDeploymentAsync(Model, BlueCanaryWithShadow);
        var last = await host.Http.PutDeploymentAsync(Model, EvenSplitWithShadow);
        var auditBefore = await host.Http.AuditAsync(Model);

        await host.RestartAsync();

        var deployment = await host.Http.GetDeploymentAsync(Model);
        Assert.Equal(last.GetRawText(), deployment.GetRawText());
        Assert.Equal(first.GetProperty("revision").GetInt64() + 1, deployment.GetProperty("revision").GetInt64());
        Assert.Equal(AdminSettings.Principal, deployment.GetProperty("changed_by").GetString());
        Assert.Equal(
            """{"blue":{"version":"1","weight":50},"green":null,"canary":{"version":"2","weight":50}}""",
            deployment.GetProperty("slots").GetRawText());
        Assert.Equal("""{"version":"3","percent":25}""", deployment.GetProperty("shadow").GetRawText());

        var audit = await host.Http.AuditAsync(Model);
        Assert.Equal(auditBefore.GetRawText(), audit.GetRawText());
        var changes = audit.EnumerateArray().TakeLast(2).ToArray();
        Assert.Equal(["deploy", "deploy"], changes.Select(e => e.GetProperty("action").GetString()));
        Assert.Equal(changes[0].GetProperty("sequence").GetInt64() + 1, changes[1].GetProperty("sequence").GetInt64());
        Assert.All(changes, e => Assert.Equal(AdminSettings.Principal, e.GetProperty("actor").GetString()));
    }

    [Fact]
    public async Task Restart_AfterTwoChanges_RequestsRoutedByTheLastDeployment()
    {
        await host.Http.PutDeploymentAsync(Model, BlueCanaryWithShadow);
        var revision = (await host.Http.PutDeploymentAsync(Model, EvenSplitWithShadow)).GetProperty("revision").GetInt64();

        await host.RestartAsync();

        Assert.Equal(Served("2", "canary", "pinned", revision), await host.Http.InferAsync(Model, slot: "canary"));
        Assert.Equal(Served("1", "blue", "pinned", revision), await host.Http.InferAsync(Model, slot: "blue"));
        var weighted = new List<ServedResponse>();
        await Eventually.TrueAsync(
            async () =>
            {
                weighted.Add(await host.Http.InferAsync(Model));
                return weighted.Select(r => r.Slot).Distinct().Count() == 2;
            },
            TimeSpan.FromSeconds(10),
            "weighted requests to reach both the blue and the canary slot");
        Assert.All(weighted, r => Assert.Contains(r, new[] { Served("1", "blue", "weighted", revision), Served("2", "canary", "weighted", revision) }));
    }

    [Fact]
    public async Task Rollback_AfterRestart_ReturnsToTheDeploymentBefore()
    {
        var first = await host.Http.PutDeploymentAsync(Model, BlueCanaryWithShadow);
        var last = await host.Http.PutDeploymentAsync(Model, EvenSplitWithShadow);

        await host.RestartAsync();
        var rolledBack = await host.Http.RollbackAsync(Model);

        Assert.Equal(last.GetProperty("revision").GetInt64() + 1, rolledBack.GetProperty("revision").GetInt64());
        foreach (var property in new[] { "active", "standby", "slots", "shadow" })
        {
            Assert.Equal(first.GetProperty(property).GetRawText(), rolledBack.GetProperty(property).GetRawText());
        }

        var audit = await host.Http.AuditAsync(Model);
        Assert.Equal("rollback", audit.EnumerateArray().Last().GetProperty("action").GetString());
    }

    /// <summary>
    /// A running rollout's record survives the restart to the letter, its evidence included: with no feedback the
    /// accuracy gate has no accuracies (NaN), which storage must keep as it is.
    /// </summary>
    [Fact]
    public async Task Restart_RolloutRunning_ItsDecisionsAndEvidenceAsBefore()
    {
        await host.Http.PutDeploymentAsync(Model, """{"active": "blue", "slots": {"blue": {"version": "1", "weight": 100}}}""");
        await host.Http.OkJsonAsync(HttpMethod.Post, $"/admin/v1/models/{Model}/rollouts", """
            {"candidate": "2", "policy": {"step_interval": "1h", "evaluation_interval": "250ms", "gates": [{"metric": "accuracy", "threshold": 0.05}]}}
            """);
        await Eventually.TrueAsync(
            async () => (await DecisionsAsync()).GetArrayLength() >= 2,
            TimeSpan.FromSeconds(30),
            "the rollout's first evaluation");
        var before = await DecisionsAsync();

        await host.RestartAsync();
        var after = await DecisionsAsync();
        await host.Http.OkJsonAsync(HttpMethod.Post, $"/admin/v1/models/{Model}/rollout/abort");

        Assert.Equal(
            before.EnumerateArray().Select(static d => d.GetRawText()),
            after.EnumerateArray().Take(before.GetArrayLength()).Select(static d => d.GetRawText()));
        Assert.Contains(before.EnumerateArray(), static d => d.GetProperty("evidence").GetProperty("gates").EnumerateArray()
            .Any(static g => g.GetProperty("candidate").ValueKind == JsonValueKind.Null));
    }

    private async Task<JsonElement> DecisionsAsync() =>
        (await host.Http.OkJsonAsync(HttpMethod.Get, $"/admin/v1/models/{Model}/rollout/decisions?limit=1000")).GetProperty("decisions");

    private static ServedResponse Served(string version, string slot, string reason, long revision) =>
        new(HttpStatusCode.OK, version, slot, reason, revision, null);
}

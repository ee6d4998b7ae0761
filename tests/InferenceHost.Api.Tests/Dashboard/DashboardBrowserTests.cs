using System.Globalization;
using System.Net;
using System.Text.Json;
using InferenceHost.Api.Tests.Hosting;

namespace InferenceHost.Api.Tests.Dashboard;

/// <summary>
/// The dashboard in headless Chromium against the real host (issue 7): what the page shows is what the admin API
/// holds, and what its buttons do lands in the deployment, in served traffic and in the audit log.
/// </summary>
[Collection(DashboardHostCollection.Name)]
public sealed class DashboardBrowserTests(DashboardHostFixture host)
{
    private const string Model = "iris-mlp";

    /// <summary>Straight to the canary at 20%, held there: the charts get both versions while the test looks.</summary>
    private const string CanaryPolicy = """
        {"mode": "canary", "shadow_percent": 0, "steps": [20, 100], "step_interval": "10m", "step_min_requests": 30,
         "evaluation_interval": "500ms", "max_duration": "10m",
         "gates": [{"metric": "error_rate", "threshold": 0.05}, {"metric": "latency_p95", "threshold": 3},
                   {"metric": "drift", "threshold": 0.2}, {"metric": "accuracy", "threshold": 0.2}]}
        """;

    private static readonly TimeSpan TrafficCap = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Overview_ListsEveryModelWithItsWeights()
    {
        var page = await RunAsync("overview");
        var models = await GetJsonAsync("/admin/v1/models");
        var deployment = await host.Admin.GetDeploymentAsync(Model);

        var shown = page.GetProperty("models").EnumerateArray().ToDictionary(static m => m.GetProperty("name").GetString()!);
        Assert.Equal(
            models.GetProperty("models").EnumerateArray().Select(static m => m.GetProperty("name").GetString()!).Order(),
            shown.Keys.Order());
        Assert.Contains("dtype-echo", shown.Keys);
        Assert.Equal(["1", "2", "3"], shown[Model].GetProperty("versions").EnumerateArray().Select(static v => v.GetString()!));
        Assert.Equal(ServingWeights(deployment), ShownWeights(shown[Model].GetProperty("segments")));
        Assert.NotEmpty(page.GetProperty("silos").EnumerateArray());
    }

    [Fact]
    public async Task SetWeights_InTheForm_ChangesTheDeploymentServedTrafficAndAudit()
    {
        await DeployAsync("""{"active": "blue", "slots": {"blue": {"version": "1", "weight": 100}}}""");

        var page = await RunAsync("set-weights", Model, "blue=1:60", "canary=2:40");

        Assert.Equal(("ok", "200"), Notice(page.GetProperty("notice")));
        var deployment = await host.Admin.GetDeploymentAsync(Model);
        Assert.Equal(page.GetProperty("revision").GetInt64(), deployment.GetProperty("revision").GetInt64());
        Assert.Equal(DashboardHostFixture.Principal, deployment.GetProperty("changed_by").GetString());
        Assert.Equal([("blue", "1", 60), ("canary", "2", 40)], ServingWeights(deployment));
        Assert.Equal(ServingWeights(deployment), ShownWeights(page.GetProperty("segments")));
        var served = await IrisTraffic.ServedVersionsAsync(host.Http, 400);
        var canaryShare = served.Count(static v => v == "2") / (double)served.Count;
        Assert.All(served, static v => Assert.Contains(v, (string[])["1", "2"]));
        Assert.InRange(canaryShare, 0.25, 0.55);
        var audited = (await host.Admin.AuditAsync(Model))[^1];
        Assert.Equal(("deploy", DashboardHostFixture.Principal), (audited.GetProperty("action").GetString(), audited.GetProperty("actor").GetString()));
        Assert.Contains("canary=2 40%", audited.GetProperty("after").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RollbackDeploymentButton_ReturnsToThePreviousDeployment()
    {
        await DeployAsync("""{"active": "blue", "slots": {"blue": {"version": "1", "weight": 100}}}""");
        var changed = await DeployAsync("""{"active": "blue", "slots": {"blue": {"version": "1", "weight": 50}, "green": {"version": "3", "weight": 50}}}""");

        var page = await RunAsync("rollback-deployment", Model);

        Assert.Equal(("ok", "200"), Notice(page.GetProperty("notice")));
        var deployment = await host.Admin.GetDeploymentAsync(Model);
        Assert.Equal(changed.GetProperty("revision").GetInt64() + 1, deployment.GetProperty("revision").GetInt64());
        Assert.Equal([("blue", "1", 100)], ServingWeights(deployment));
        Assert.Equal(ServingWeights(deployment), ShownWeights(page.GetProperty("segments")));
        Assert.All(await IrisTraffic.ServedVersionsAsync(host.Http, 30), static v => Assert.Equal("1", v));
        var audited = (await host.Admin.AuditAsync(Model))[^1];
        Assert.Equal(("rollback", DashboardHostFixture.Principal), (audited.GetProperty("action").GetString(), audited.GetProperty("actor").GetString()));
    }

    [Fact]
    public async Task CanaryInProgress_ChartsDrawTheSeriesAndRollbackButtonRollsTheRolloutBack()
    {
        await DeployAsync("""{"active": "blue", "slots": {"blue": {"version": "1", "weight": 100}}}""");
        await using var traffic = new IrisTraffic(host.Http, clients: 2, TrafficCap);
        using (var started = await host.Admin.SendAsync(HttpMethod.Post, $"/admin/v1/models/{Model}/rollouts", $$"""{"candidate": "3", "policy": {{CanaryPolicy}}}"""))
        {
            Assert.True(started.StatusCode == HttpStatusCode.Created, await started.Content.ReadAsStringAsync());
        }

        var page = await RunAsync("rollout-rollback", Model, "3", "1", "seen on the dashboard");

        var charts = page.GetProperty("charts").EnumerateArray().ToDictionary(static c => c.GetProperty("id").GetString()!);
        Assert.Equal(
            ["accuracy", "agreement", "drift", "error_rate", "invalid_rate", "latency_p50", "latency_p95", "latency_p99", "request_rate"],
            charts.Keys.Order());
        // The page drew a minute in steps of a second; five minutes on the same grid hold every point it drew.
        var series = await GetJsonAsync($"/admin/v1/models/{Model}/telemetry/series?window=5m&step=1s&baseline=1");
        AssertChartMatchesApi(charts["request_rate"], series, "3", static p => p.GetProperty("request_rate"));
        AssertChartMatchesApi(charts["latency_p95"], series, "1", static p => p.GetProperty("latency_ms").GetProperty("p95"));
        Assert.Equal(0.05, charts["error_rate"].GetProperty("threshold").GetDouble(), 9);
        Assert.Equal(0.2, charts["drift"].GetProperty("threshold").GetDouble(), 9);
        Assert.True(charts["latency_p95"].GetProperty("threshold").GetDouble() > 0);
        Assert.Equal(JsonValueKind.Null, charts["agreement"].GetProperty("threshold").ValueKind);
        Assert.True(Points(charts["accuracy"], "3") > 0, "the accuracy chart has no point for the candidate");

        Assert.Equal([("blue", "1", 80), ("canary", "3", 20)], ShownWeights(page.GetProperty("overview")));

        Assert.Equal(("ok", "200"), Notice(page.GetProperty("notice")));
        var rollout = await GetJsonAsync($"/admin/v1/models/{Model}/rollout");
        var latest = rollout.GetProperty("latest");
        Assert.Equal("rolled_back", rollout.GetProperty("phase").GetString());
        Assert.Equal(("rollback", DashboardHostFixture.Principal), (latest.GetProperty("action").GetString(), latest.GetProperty("actor").GetString()));
        Assert.Contains("seen on the dashboard", latest.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal([("blue", "1", 100)], ServingWeights(await host.Admin.GetDeploymentAsync(Model)));
        Assert.Contains(await host.Admin.AuditAsync(Model), static e => e.GetProperty("action").GetString() == "rollout-rollback" && e.GetProperty("actor").GetString() == DashboardHostFixture.Principal);
    }

    [Fact]
    public async Task Actions_WithoutTokenOrWithAWrongOne_AreRefusedAndChangeNothing()
    {
        var before = await DeployAsync("""{"active": "blue", "slots": {"blue": {"version": "1", "weight": 100}}}""");
        var audited = (await host.Admin.AuditAsync(Model)).Length;

        var page = await RunAsync("refused", Model);

        Assert.Equal("anonymous", page.GetProperty("access").GetString());
        Assert.Equal(("error", "401"), Notice(page.GetProperty("switched")));
        Assert.Equal(("error", "401"), Notice(page.GetProperty("weights")));
        Assert.Equal(("error", "403"), Notice(page.GetProperty("wrong")));
        Assert.Contains("missing bearer token", page.GetProperty("switched").GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal(before.GetRawText(), (await host.Admin.GetDeploymentAsync(Model)).GetRawText());
        Assert.Equal(audited, (await host.Admin.AuditAsync(Model)).Length);
    }

    private Task<JsonElement> RunAsync(string scenario, params string[] args) =>
        DashboardBrowser.RunAsync(host.HttpAddress, DashboardHostFixture.Token, scenario, args);

    /// <summary>Ends a rollout an earlier test left running, then sets the deployment.</summary>
    private async Task<JsonElement> DeployAsync(string deployment)
    {
        using (await host.Admin.SendAsync(HttpMethod.Post, $"/admin/v1/models/{Model}/rollout/abort"))
        {
        }

        return await HttpAssert.OkJsonAsync(await host.Admin.PutDeploymentAsync(Model, deployment));
    }

    private async Task<JsonElement> GetJsonAsync(string path) => await HttpAssert.OkJsonAsync(await host.Admin.SendAsync(HttpMethod.Get, path));

    private static (string Kind, string Status) Notice(JsonElement notice) =>
        (notice.GetProperty("kind").GetString()!, notice.GetProperty("status").GetString()!);

    /// <summary>Slots serving a share: (slot, version, weight), in the page's order (blue, green, canary).</summary>
    private static List<(string Slot, string Version, int Weight)> ServingWeights(JsonElement deployment) =>
        [.. ((string[])["blue", "green", "canary"])
            .Select(slot => (slot, deployment.GetProperty("slots").GetProperty(slot)))
            .Where(static s => s.Item2.ValueKind == JsonValueKind.Object && s.Item2.GetProperty("weight").GetInt32() > 0)
            .Select(static s => (s.slot, s.Item2.GetProperty("version").GetString()!, s.Item2.GetProperty("weight").GetInt32()))];

    private static List<(string Slot, string Version, int Weight)> ShownWeights(JsonElement segments) =>
        [.. segments.EnumerateArray()
            .Select(static s => (s.GetProperty("slot").GetString()!, s.GetProperty("version").GetString()!, s.GetProperty("weight").GetInt32()))
            .Where(static s => s.Item3 > 0)
            .OrderBy(static s => Array.IndexOf((string[])["blue", "green", "canary"], s.Item1))];

    private static JsonElement Series(JsonElement chart, string version) =>
        chart.GetProperty("series").EnumerateArray().Single(s => s.GetProperty("version").GetString() == version);

    private static int Points(JsonElement chart, string version) => Series(chart, version).GetProperty("points").GetInt32();

    /// <summary>
    /// The chart drew the API's numbers: at least two points for the version, and each point old enough that no
    /// later flush can change it (a one-second step and three seconds before the chart's newest) equal to the API's now.
    /// </summary>
    private static void AssertChartMatchesApi(JsonElement chart, JsonElement series, string version, Func<JsonElement, JsonElement> value)
    {
        var drawn = Series(chart, version).GetProperty("values").EnumerateArray()
            .Select(static p => (Time: DateTimeOffset.FromUnixTimeMilliseconds(p[0].GetInt64()), Value: p[1].GetDouble()))
            .ToList();
        Assert.True(drawn.Count >= 2, $"the {chart.GetProperty("id")} chart drew {drawn.Count} points for version {version}");
        var api = series.GetProperty("versions").EnumerateArray().Single(v => v.GetProperty("version").GetString() == version)
            .GetProperty("points").EnumerateArray()
            .ToDictionary(static p => DateTimeOffset.Parse(p.GetProperty("time").GetString()!, CultureInfo.InvariantCulture));
        var settled = drawn[^1].Time - TimeSpan.FromSeconds(4);
        Assert.Contains(drawn, p => p.Time <= settled && p.Value > 0);
        foreach (var (time, shown) in drawn.Where(p => p.Time <= settled))
        {
            Assert.True(api.TryGetValue(time, out var point), $"the API has no point at {time:O}");
            Assert.Equal(value(point).GetDouble(), shown, 9);
        }
    }
}

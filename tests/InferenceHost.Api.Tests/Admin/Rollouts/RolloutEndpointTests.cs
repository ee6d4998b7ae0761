using System.Net;
using System.Text.Json;
using InferenceHost.Api.Admin;
using InferenceHost.Api.Tests.Hosting;

namespace InferenceHost.Api.Tests.Admin.Rollouts;

/// <summary>
/// Starting, reading and steering rollouts through <c>/admin/v1</c> on the real host. The rollout tests share the
/// host and run one at a time; each that starts a rollout ends it, so the next finds none running.
/// </summary>
[Collection(RolloutsHostCollection.Name)]
public sealed class RolloutEndpointTests(RolloutsHostFixture host)
{
    private const string Model = "iris-mlp";

    private AdminClient Admin => host.Admin;

    [Fact]
    public async Task StartRollout_ThenAbort_IsCreatedReadableListedAndItsDecisionsRecorded()
    {
        await DeployBlueAsync("1");

        var response = await Admin.SendAsync(HttpMethod.Post, $"/admin/v1/models/{Model}/rollouts", """
            {"candidate": "2", "policy": {"shadow_percent": 0, "steps": [10, 100], "step_interval": "1h", "gates": []}}
            """);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        Assert.Equal($"/admin/v1/models/{Model}/rollout", response.Headers.Location?.OriginalString);
        var started = JsonDocument.Parse(body).RootElement;
        AssertStatusShape(started);
        Assert.Equal(("2", "1", "canary", 10, RolloutsHostFixture.Principal), (
            started.GetProperty("candidate").GetString(), started.GetProperty("baseline").GetString(), started.GetProperty("phase").GetString(),
            started.GetProperty("canary_weight").GetInt32(), started.GetProperty("started_by").GetString()));
        Assert.Equal("""[10,100]""", started.GetProperty("policy").GetProperty("steps").GetRawText());
        Assert.Equal(JsonValueKind.Null, started.GetProperty("ended_at").ValueKind);

        var current = await HttpAssert.OkJsonAsync(await Admin.SendAsync(HttpMethod.Get, $"/admin/v1/models/{Model}/rollout"));
        Assert.Equal(started.GetProperty("number").GetInt64(), current.GetProperty("number").GetInt64());

        var aborted = await HttpAssert.OkJsonAsync(await Admin.SendAsync(
            HttpMethod.Post, $"/admin/v1/models/{Model}/rollout/abort", """{"reason": "test over"}"""));
        Assert.Equal("aborted", aborted.GetProperty("phase").GetString());
        Assert.Equal("abort", aborted.GetProperty("latest").GetProperty("action").GetString());
        Assert.EndsWith("test over", aborted.GetProperty("latest").GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.String, aborted.GetProperty("ended_at").ValueKind);

        var number = started.GetProperty("number").GetInt64();
        var decisions = (await HttpAssert.OkJsonAsync(await Admin.SendAsync(HttpMethod.Get, $"/admin/v1/models/{Model}/rollouts/{number}/decisions")))
            .GetProperty("decisions").EnumerateArray().ToList();
        Assert.Equal("start", decisions[0].GetProperty("action").GetString());
        Assert.Equal("abort", decisions[^1].GetProperty("action").GetString());
        Assert.Equal(RolloutsHostFixture.Principal, decisions[^1].GetProperty("actor").GetString());
        Assert.All(decisions, d => Assert.Equal(
            ["candidate_requests", "baseline_requests", "phase_requests", "gates"],
            d.GetProperty("evidence").EnumerateObject().Select(p => p.Name)));
        var latest = await HttpAssert.OkJsonAsync(await Admin.SendAsync(HttpMethod.Get, $"/admin/v1/models/{Model}/rollout/decisions?limit=1"));
        Assert.Equal(decisions[^1].GetRawText(), Assert.Single(latest.GetProperty("decisions").EnumerateArray()).GetRawText());

        var listed = (await HttpAssert.OkJsonAsync(await Admin.SendAsync(HttpMethod.Get, $"/admin/v1/models/{Model}/rollouts?limit=1")))
            .GetProperty("rollouts").EnumerateArray().ToList();
        Assert.Equal(aborted.GetRawText(), Assert.Single(listed).GetRawText());
    }

    [Fact]
    public async Task ControlRollout_NoneRunning_Answers409()
    {
        await HttpAssert.ErrorMessageAsync(
            await Admin.SendAsync(HttpMethod.Post, "/admin/v1/models/gather-lookup/rollout/pause"), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task GetRollout_NeverHadOne_Answers404Saying()
    {
        await HttpAssert.ErrorAsync(
            await Admin.SendAsync(HttpMethod.Get, "/admin/v1/models/gather-lookup/rollout"),
            HttpStatusCode.NotFound,
            AdminHandlers.NoRolloutMessage("gather-lookup"));
    }

    [Theory]
    [InlineData("", "invalid rollout: the request body is empty; send {\"candidate\": \"<version>\"} and, optionally, a \"policy\"")]
    [InlineData("""{"version": "2"}""", "invalid rollout: unknown field 'version' (expected candidate, policy); 'candidate' is missing: name the version to roll out, e.g. \"3\"")]
    [InlineData("""{"candidate": 2}""", "invalid rollout: 'candidate' must be a version id such as \"3\", not 2")]
    [InlineData("""{"candidate": "2", "policy": {"steps": [50]}}""", "invalid rollout policy: the last step must be 100 (the candidate takes all traffic before it is promoted), not 50")]
    [InlineData("""{"candidate": "x"}""", "candidate version 'x' is not a version id (a positive integer)")]
    public async Task StartRollout_BadRequest_Answers400AndStartsNothing(string body, string message)
    {
        var before = await LatestNumberAsync();

        await HttpAssert.ErrorAsync(
            await Admin.SendAsync(HttpMethod.Post, $"/admin/v1/models/{Model}/rollouts", body), HttpStatusCode.BadRequest, message);

        Assert.Equal(before, await LatestNumberAsync());
    }

    [Fact]
    public async Task StartRollout_MalformedJson_Answers400()
    {
        var message = await HttpAssert.ErrorMessageAsync(
            await Admin.SendAsync(HttpMethod.Post, $"/admin/v1/models/{Model}/rollouts", """{"candidate": """), HttpStatusCode.BadRequest);

        Assert.StartsWith("malformed JSON", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("POST", "/admin/v1/models/no-such-model/rollouts", """{"candidate": "2"}""")]
    [InlineData("GET", "/admin/v1/models/no-such-model/rollouts", null)]
    [InlineData("GET", "/admin/v1/models/no-such-model/rollout", null)]
    [InlineData("GET", "/admin/v1/models/no-such-model/rollout/decisions", null)]
    [InlineData("POST", "/admin/v1/models/no-such-model/rollout/pause", null)]
    public async Task Rollouts_UnknownModel_Answer404(string method, string path, string? body)
    {
        await HttpAssert.ErrorAsync(
            await Admin.SendAsync(new HttpMethod(method), path, body), HttpStatusCode.NotFound, "unknown model 'no-such-model'");
    }

    [Fact]
    public async Task ControlRollout_UnknownCommand_Answers404NamingTheCommands()
    {
        await HttpAssert.ErrorAsync(
            await Admin.SendAsync(HttpMethod.Post, $"/admin/v1/models/{Model}/rollout/skip"),
            HttpStatusCode.NotFound,
            "no rollout command 'skip'; use one of pause, resume, abort, promote, rollback");
    }

    [Theory]
    [InlineData("/rollouts?limit=ten", "limit must be an integer from 1 to 1000, not 'ten'")]
    [InlineData("/rollouts/first/decisions", "a rollout number is a positive integer, not 'first'")]
    public async Task Rollouts_BadQueryOrPath_Answer400(string path, string message)
    {
        await HttpAssert.ErrorAsync(
            await Admin.SendAsync(HttpMethod.Get, $"/admin/v1/models/{Model}{path}"), HttpStatusCode.BadRequest, message);
    }

    [Theory]
    [InlineData("POST", "/rollouts")]
    [InlineData("GET", "/rollout")]
    [InlineData("POST", "/rollout/abort")]
    public async Task Rollouts_MissingToken_Answer401(string method, string path)
    {
        await HttpAssert.ErrorAsync(
            await host.AdminWithToken(null).SendAsync(new HttpMethod(method), $"/admin/v1/models/{Model}{path}", """{"candidate": "2"}"""),
            HttpStatusCode.Unauthorized,
            AdminGuard.MissingTokenMessage);
    }

    private static void AssertStatusShape(JsonElement status)
    {
        Assert.Equal(
            ["model", "number", "candidate", "baseline", "phase", "step", "canary_weight", "paused", "started_at", "phase_started_at", "ended_at", "started_by", "policy", "latest"],
            status.EnumerateObject().Select(p => p.Name));
        Assert.Equal(
            ["sequence", "at", "action", "actor", "phase", "canary_weight", "reason", "evidence"],
            status.GetProperty("latest").EnumerateObject().Select(p => p.Name));
    }

    private async Task DeployBlueAsync(string version) =>
        await HttpAssert.OkJsonAsync(await Admin.PutDeploymentAsync(
            Model, "{\"active\": \"blue\", \"slots\": {\"blue\": {\"version\": \"" + version + "\", \"weight\": 100}}}"));

    private async Task<long> LatestNumberAsync()
    {
        var response = await Admin.SendAsync(HttpMethod.Get, $"/admin/v1/models/{Model}/rollout");
        return response.StatusCode == HttpStatusCode.NotFound ? 0 : (await HttpAssert.OkJsonAsync(response)).GetProperty("number").GetInt64();
    }
}

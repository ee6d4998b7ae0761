using System.Net;
using System.Text.Json;
using InferenceHost.Abstractions.Rollouts;
using InferenceHost.Api.Admin;
using InferenceHost.Api.Tests.Hosting;
using InferenceHost.Tests.Common;

namespace InferenceHost.Api.Tests.Admin.Rollouts;

/// <summary><c>GET /admin/v1/models/{m}/compare</c> on the real host.</summary>
[Collection(RolloutsHostCollection.Name)]
public sealed class CompareEndpointTests(RolloutsHostFixture host)
{
    private const string Model = "iris-mlp";

    private static readonly string[] Fields =
        ["model", "candidate", "baseline", "window", "from", "to", "candidate_requests", "baseline_requests", "gates"];

    private static readonly string[] GateFields =
        ["metric", "threshold", "outcome", "candidate", "baseline", "estimate", "lower", "upper", "samples", "detail"];

    private AdminClient Admin => host.Admin;

    [Fact]
    public async Task Compare_AfterRequestsToBothVersions_CountsEachAndJudgesEveryGateOnce()
    {
        var before = await CompareAsync("2", "1", "1h");
        await host.InferAsync("2", times: 3);
        await host.InferAsync("1", times: 2);

        var comparison = default(JsonElement);
        await Eventually.TrueAsync(
            async () =>
            {
                comparison = await CompareAsync("2", "1", "1h");
                return Requests(comparison, "candidate") >= Requests(before, "candidate") + 3
                    && Requests(comparison, "baseline") >= Requests(before, "baseline") + 2;
            },
            TimeSpan.FromSeconds(30),
            "versions 2's and 1's requests to reach the telemetry grain");

        Assert.Equal(Fields, comparison.EnumerateObject().Select(p => p.Name));
        Assert.Equal((Model, "2", "1", "1h"), (
            comparison.GetProperty("model").GetString(), comparison.GetProperty("candidate").GetString(),
            comparison.GetProperty("baseline").GetString(), comparison.GetProperty("window").GetString()));
        Assert.Equal(Requests(before, "candidate") + 3, Requests(comparison, "candidate"));
        Assert.Equal(Requests(before, "baseline") + 2, Requests(comparison, "baseline"));
        Assert.True(comparison.GetProperty("from").GetDateTimeOffset() < comparison.GetProperty("to").GetDateTimeOffset());

        var policy = (await HttpAssert.OkJsonAsync(await Admin.SendAsync(HttpMethod.Get, $"/admin/v1/models/{Model}/rollout-policy")))
            .GetProperty("gates").EnumerateArray().ToDictionary(g => g.GetProperty("metric").GetString()!, g => g.GetProperty("threshold").GetDouble());
        var gates = comparison.GetProperty("gates").EnumerateArray().ToList();
        Assert.Equal(Enum.GetValues<GateMetric>().Select(RolloutNames.Of), gates.Select(g => g.GetProperty("metric").GetString()));
        Assert.All(gates, gate =>
        {
            Assert.Equal(GateFields, gate.EnumerateObject().Select(p => p.Name));
            var metric = gate.GetProperty("metric").GetString()!;
            Assert.True(RolloutNames.TryParse(metric, out GateMetric parsed));
            var expected = policy.TryGetValue(metric, out var threshold) ? threshold : RolloutPolicyRules.DefaultThreshold(parsed);
            Assert.Equal(expected, gate.GetProperty("threshold").GetDouble());
        });
        Assert.True(gates.Single(g => g.GetProperty("metric").GetString() == "error_rate").GetProperty("samples").GetInt64() >= 3);
    }

    [Fact]
    public async Task Compare_NoWindow_UsesFiveMinutes()
    {
        var comparison = await CompareAsync("3", "1", window: null);

        Assert.Equal("5m", comparison.GetProperty("window").GetString());
    }

    [Theory]
    [InlineData("?baseline=1", "'candidate' is missing: name both versions, e.g. ?candidate=3&baseline=1")]
    [InlineData("?candidate=3", "'baseline' is missing: name both versions, e.g. ?candidate=3&baseline=1")]
    [InlineData("?candidate=&baseline=1", "'candidate' is missing: name both versions, e.g. ?candidate=3&baseline=1")]
    [InlineData("?candidate=2&baseline=2", "compare two different versions, not '2' with itself")]
    [InlineData("?candidate=x&baseline=1", "versions are ids (positive integers), not 'x' and '1'")]
    [InlineData("?candidate=3&baseline=1&window=soon", "window must be a duration such as 500ms, 10s, 5m, 1h30m or 2d, not 'soon'")]
    [InlineData("?candidate=3&baseline=1&window=2d", "the window must be from 1 second to 24 hours, not 2.00:00:00")]
    public async Task Compare_BadQuery_Answers400(string query, string message)
    {
        await HttpAssert.ErrorAsync(
            await Admin.SendAsync(HttpMethod.Get, $"/admin/v1/models/{Model}/compare{query}"), HttpStatusCode.BadRequest, message);
    }

    [Fact]
    public async Task Compare_UnknownModel_Answers404()
    {
        await HttpAssert.ErrorAsync(
            await Admin.SendAsync(HttpMethod.Get, "/admin/v1/models/no-such-model/compare?candidate=2&baseline=1"),
            HttpStatusCode.NotFound,
            "unknown model 'no-such-model'");
    }

    [Fact]
    public async Task Compare_MissingToken_Answers401()
    {
        await HttpAssert.ErrorAsync(
            await host.AdminWithToken(null).SendAsync(HttpMethod.Get, $"/admin/v1/models/{Model}/compare?candidate=2&baseline=1"),
            HttpStatusCode.Unauthorized,
            AdminGuard.MissingTokenMessage);
    }

    [Fact]
    public async Task Compare_AnsweredOrRefused_ChangesNothing()
    {
        var deployment = (await Admin.GetDeploymentAsync(Model)).GetRawText();
        var audit = (await Admin.AuditAsync(Model)).Length;
        var rollouts = (await HttpAssert.OkJsonAsync(await Admin.SendAsync(HttpMethod.Get, $"/admin/v1/models/{Model}/rollouts"))).GetRawText();

        await CompareAsync("3", "2", "10m");
        await HttpAssert.ErrorMessageAsync(
            await Admin.SendAsync(HttpMethod.Get, $"/admin/v1/models/{Model}/compare?candidate=3&baseline=3"), HttpStatusCode.BadRequest);

        Assert.Equal(deployment, (await Admin.GetDeploymentAsync(Model)).GetRawText());
        Assert.Equal(audit, (await Admin.AuditAsync(Model)).Length);
        Assert.Equal(rollouts, (await HttpAssert.OkJsonAsync(await Admin.SendAsync(HttpMethod.Get, $"/admin/v1/models/{Model}/rollouts"))).GetRawText());
    }

    private static long Requests(JsonElement comparison, string side) => comparison.GetProperty($"{side}_requests").GetInt64();

    private async Task<JsonElement> CompareAsync(string candidate, string baseline, string? window)
    {
        var query = $"candidate={candidate}&baseline={baseline}" + (window is null ? "" : $"&window={window}");
        return await HttpAssert.OkJsonAsync(await Admin.SendAsync(HttpMethod.Get, $"/admin/v1/models/{Model}/compare?{query}"));
    }
}

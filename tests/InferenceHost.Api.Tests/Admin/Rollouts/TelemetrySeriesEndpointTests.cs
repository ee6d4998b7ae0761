using System.Net;
using System.Text.Json;
using InferenceHost.Api.Tests.Hosting;
using InferenceHost.Tests.Common;

namespace InferenceHost.Api.Tests.Admin.Rollouts;

/// <summary><c>GET /admin/v1/models/{m}/telemetry/series</c> on the real host.</summary>
[Collection(RolloutsHostCollection.Name)]
public sealed class TelemetrySeriesEndpointTests(RolloutsHostFixture host)
{
    private const string Model = "iris-mlp";

    private static readonly string[] Fields = ["model", "baseline", "window", "step", "start", "end", "versions"];

    private static readonly string[] PointFields =
        ["time", "requests", "request_rate", "errors", "error_rate", "invalid_outputs", "invalid_rate", "latency_ms", "drift", "agreement", "accuracy"];

    private AdminClient Admin => host.Admin;

    [Fact]
    public async Task GetSeries_AfterRequestsToTwoVersions_CountsPerVersionAddUpToWhatWasSentOnOneGrid()
    {
        const string Query = "window=1h&baseline=1";
        var before = await SeriesAsync(Query);
        await host.InferAsync("2", times: 3);
        await host.InferAsync("1", times: 2);

        var series = default(JsonElement);
        await Eventually.TrueAsync(
            async () =>
            {
                series = await SeriesAsync(Query);
                return Requests(series, "2") >= Requests(before, "2") + 3 && Requests(series, "1") >= Requests(before, "1") + 2;
            },
            TimeSpan.FromSeconds(30),
            "versions 2's and 1's requests to reach the telemetry series");

        Assert.Equal(Fields, series.EnumerateObject().Select(p => p.Name));
        Assert.Equal((Model, "1", "1h", "20s"), (
            series.GetProperty("model").GetString(), series.GetProperty("baseline").GetString(),
            series.GetProperty("window").GetString(), series.GetProperty("step").GetString()));
        Assert.Equal(Requests(before, "2") + 3, Requests(series, "2"));
        Assert.Equal(Requests(before, "1") + 2, Requests(series, "1"));

        var start = UtcTime(series.GetProperty("start"));
        Assert.True(start < UtcTime(series.GetProperty("end")));
        Assert.Equal(0, start.Second % 20);
        var grid = Enumerable.Range(0, 180).Select(i => start.AddSeconds(20 * i)).ToArray();
        foreach (var version in series.GetProperty("versions").EnumerateArray())
        {
            var points = version.GetProperty("points").EnumerateArray().ToList();
            Assert.Equal(grid, points.Select(p => UtcTime(p.GetProperty("time"))));
            Assert.All(points, p => Assert.Equal(PointFields, p.EnumerateObject().Select(f => f.Name)));
        }

        Assert.NotEqual(0, Version(series, "2").GetProperty("slots").GetArrayLength());
        Assert.All(Points(series, "2").Where(p => p.GetProperty("requests").GetInt64() > 0), p =>
        {
            Assert.Equal(p.GetProperty("requests").GetInt64() / 20.0, p.GetProperty("request_rate").GetDouble(), 9);
            Assert.Equal(0, p.GetProperty("error_rate").GetDouble());
            Assert.True(p.GetProperty("latency_ms").GetProperty("p50").GetDouble() > 0);
        });
        Assert.All(Points(series, "1"), p => Assert.Equal(JsonValueKind.Null, p.GetProperty("drift").ValueKind));
    }

    [Fact]
    public async Task GetSeries_NoQuery_FifteenMinutesInFiveSecondStepsAgainstTheActiveVersion()
    {
        var deployment = await Admin.GetDeploymentAsync(Model);

        var series = await SeriesAsync(query: null);

        var active = deployment.GetProperty("active").GetString() is { } colour
            ? deployment.GetProperty("slots").GetProperty(colour).GetProperty("version").GetString()
            : "3";
        Assert.Equal((active, "15m", "5s"), (
            series.GetProperty("baseline").GetString(), series.GetProperty("window").GetString(), series.GetProperty("step").GetString()));
        Assert.All(series.GetProperty("versions").EnumerateArray(), v => Assert.Equal(180, v.GetProperty("points").GetArrayLength()));
    }

    [Theory]
    [InlineData("?window=soon", "window must be a duration such as 500ms, 10s, 5m, 1h30m or 2d, not 'soon'")]
    [InlineData("?step=often", "step must be a duration such as 500ms, 10s, 5m, 1h30m or 2d, not 'often'")]
    [InlineData("?step=500ms", "the step must be at least 00:00:01, not 00:00:00.5000000")]
    [InlineData("?window=10s&step=1m", "the window must be from one step (00:01:00) to the telemetry retention (06:00:00), not 00:00:10")]
    [InlineData("?window=7h&step=1m", "the window must be from one step (00:01:00) to the telemetry retention (06:00:00), not 07:00:00")]
    [InlineData("?window=1h&step=1s", "a series has at most 1000 points: a window of 01:00:00 needs a step of at least 00:00:04, not 00:00:01")]
    [InlineData("?baseline=blue", "the baseline is a version id (a positive integer), not 'blue'")]
    public async Task GetSeries_BadQuery_Answers400(string query, string message)
    {
        await HttpAssert.ErrorAsync(
            await Admin.SendAsync(HttpMethod.Get, $"/admin/v1/models/{Model}/telemetry/series{query}"), HttpStatusCode.BadRequest, message);
    }

    [Fact]
    public async Task GetSeries_UnknownModel_Answers404()
    {
        await HttpAssert.ErrorAsync(
            await Admin.SendAsync(HttpMethod.Get, "/admin/v1/models/no-such-model/telemetry/series"), HttpStatusCode.NotFound, "unknown model 'no-such-model'");
    }

    [Fact]
    public async Task GetSeries_MissingToken_Answers401()
    {
        var response = await host.AdminWithToken(null).SendAsync(HttpMethod.Get, $"/admin/v1/models/{Model}/telemetry/series");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static DateTime UtcTime(JsonElement time)
    {
        var text = time.GetString()!;
        Assert.EndsWith("Z", text, StringComparison.Ordinal);
        return time.GetDateTime().ToUniversalTime();
    }

    private static JsonElement Version(JsonElement series, string version) =>
        series.GetProperty("versions").EnumerateArray().FirstOrDefault(v => v.GetProperty("version").GetString() == version);

    private static JsonElement[] Points(JsonElement series, string version) =>
        Version(series, version) is { ValueKind: JsonValueKind.Object } found ? [.. found.GetProperty("points").EnumerateArray()] : [];

    private static long Requests(JsonElement series, string version) => Points(series, version).Sum(p => p.GetProperty("requests").GetInt64());

    private async Task<JsonElement> SeriesAsync(string? query) =>
        await HttpAssert.OkJsonAsync(await Admin.SendAsync(HttpMethod.Get, $"/admin/v1/models/{Model}/telemetry/series{(query is null ? "" : "?" + query)}"));
}

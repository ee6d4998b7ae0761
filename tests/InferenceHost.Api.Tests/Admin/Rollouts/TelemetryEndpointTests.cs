using System.Net;
using InferenceHost.Api.Tests.Hosting;
using InferenceHost.Tests.Common;

namespace InferenceHost.Api.Tests.Admin.Rollouts;

/// <summary><c>GET /admin/v1/models/{m}/telemetry</c> on the real host.</summary>
[Collection(RolloutsHostCollection.Name)]
public sealed class TelemetryEndpointTests(RolloutsHostFixture host)
{
    private static readonly string[] SlotFields =
    [
        "version", "slot", "requests", "errors", "bad_input", "invalid_outputs", "error_rate", "bad_input_rate", "invalid_output_rate",
        "p50_ms", "p95_ms", "p99_ms", "output_kind", "mean_confidence", "class_shares", "shadow_pairs", "agreement", "mean_abs_diff",
        "labelled", "accuracy", "mean_absolute_error",
    ];

    [Fact]
    public async Task GetTelemetry_AfterServedRequests_ShowsTheServingVersionWithEveryField()
    {
        await host.InferAsync("3", times: 3);

        var slot = default(System.Text.Json.JsonElement);
        await Eventually.TrueAsync(
            async () =>
            {
                var json = await HttpAssert.OkJsonAsync(await host.Admin.SendAsync(HttpMethod.Get, "/admin/v1/models/iris-mlp/telemetry?window=1h"));
                Assert.Equal(["model", "window", "from", "to", "slots"], json.EnumerateObject().Select(p => p.Name));
                Assert.Equal("1h", json.GetProperty("window").GetString());
                var found = json.GetProperty("slots").EnumerateArray().Where(s => s.GetProperty("version").GetString() == "3").ToList();
                slot = found.FirstOrDefault();
                return found.Count > 0 && slot.GetProperty("requests").GetInt64() >= 3;
            },
            TimeSpan.FromSeconds(30),
            "version 3's requests to reach the telemetry grain");

        Assert.Equal(SlotFields, slot.EnumerateObject().Select(p => p.Name));
        Assert.Contains(slot.GetProperty("output_kind").GetString(), (string[])["classifier", "regressor"]);
        Assert.Equal(0, slot.GetProperty("error_rate").GetDouble());
        Assert.True(slot.GetProperty("p50_ms").GetDouble() > 0);

        // No shadow and no ground truth: null, not NaN.
        Assert.Equal(System.Text.Json.JsonValueKind.Null, slot.GetProperty("agreement").ValueKind);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, slot.GetProperty("accuracy").ValueKind);
    }

    [Theory]
    [InlineData("?window=soon", HttpStatusCode.BadRequest, "window must be a duration such as 500ms, 10s, 5m, 1h30m or 2d, not 'soon'")]
    [InlineData("?window=0s", HttpStatusCode.BadRequest, "the window must be from 1 second to 24 hours, not 00:00:00")]
    [InlineData("?window=2d", HttpStatusCode.BadRequest, "the window must be from 1 second to 24 hours, not 2.00:00:00")]
    public async Task GetTelemetry_BadWindow_Answers400(string query, HttpStatusCode status, string message)
    {
        await HttpAssert.ErrorAsync(await host.Admin.SendAsync(HttpMethod.Get, $"/admin/v1/models/iris-mlp/telemetry{query}"), status, message);
    }

    [Fact]
    public async Task GetTelemetry_UnknownModel_Answers404()
    {
        await HttpAssert.ErrorAsync(
            await host.Admin.SendAsync(HttpMethod.Get, "/admin/v1/models/no-such-model/telemetry"), HttpStatusCode.NotFound, "unknown model 'no-such-model'");
    }

    [Fact]
    public async Task GetTelemetry_MissingToken_Answers401()
    {
        var response = await host.AdminWithToken(null).SendAsync(HttpMethod.Get, "/admin/v1/models/iris-mlp/telemetry");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}

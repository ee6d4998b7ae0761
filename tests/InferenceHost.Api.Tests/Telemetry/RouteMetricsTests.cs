using InferenceHost.Abstractions.Routing;
using InferenceHost.Api.Tests.Routing;
using InferenceHost.Telemetry.Recording;
using InferenceHost.Tests.Common;
using Microsoft.Extensions.DependencyInjection;

namespace InferenceHost.Api.Tests.Telemetry;

[Collection(MetricsHostCollection.Name)]
public sealed class RouteMetricsTests(InferenceHostFixture fixture)
{
    private readonly RoutingHost _host = new(fixture);

    [Fact]
    public async Task Metrics_WithCanaryAndShadow_ShowRouteWeightsAndShadowSeriesPerVersion()
    {
        await _host.DeployAsync(new Deployment(new SlotAssignment("1", 90), null, new SlotAssignment("2", 10), ServingSlot.Blue, new ShadowAssignment("3", 100)));
        var recorder = fixture.Services.GetRequiredService<TelemetryRecorder>();
        var before = Shadow(recorder);

        for (var i = 0; i < 5; i++)
        {
            var (version, slot, _) = RoutingHost.Route(await _host.InferAsync(pinnedSlot: SlotNames.Blue));
            Assert.Equal(("1", SlotNames.Blue), (version, slot));
        }

        PrometheusText? metrics = null;
        await Eventually.TrueAsync(
            async () =>
            {
                metrics = await MetricsScraper.ScrapeAsync(fixture.Http);
                return metrics.Value("inferencehost_shadow_pairs_total", Labels("3", SlotNames.Shadow)) == before.ShadowPairs + 5;
            },
            TimeSpan.FromSeconds(10),
            "the five shadow pairs to show in /metrics");

        Assert.Equal("gauge", metrics!.FamilyTypes["inferencehost_route_weight_percent"]);
        Assert.Equal(90, metrics.Value("inferencehost_route_weight_percent", Labels("1", SlotNames.Blue)));
        Assert.Equal(10, metrics.Value("inferencehost_route_weight_percent", Labels("2", SlotNames.Canary)));
        Assert.Equal(100, metrics.Value("inferencehost_route_weight_percent", Labels("3", SlotNames.Shadow)));
        Assert.Equal(before.Requests + 5, metrics.Value("inferencehost_requests_total", Labels("3", SlotNames.Shadow)));
        Assert.InRange(metrics.Value("inferencehost_shadow_agreements_total", Labels("3", SlotNames.Shadow)), before.ShadowAgreements, before.ShadowAgreements + 5);
    }

    private static (string, string)[] Labels(string version, string slot) => [("model", RoutingHost.Model), ("version", version), ("slot", slot)];

    private static SlotCounters Shadow(TelemetryRecorder recorder) =>
        recorder.Counters().SingleOrDefault(c => c.Model == RoutingHost.Model && c.Version == "3" && c.Slot == SlotNames.Shadow);
}

using System.Net;
using System.Text;
using InferenceHost.Abstractions.Rollouts;
using InferenceHost.Api.Routing;
using InferenceHost.Api.Telemetry;
using InferenceHost.Telemetry.Publishing;
using InferenceHost.Telemetry.Recording;
using InferenceHost.Tests.Common;
using Microsoft.Extensions.DependencyInjection;

namespace InferenceHost.Api.Tests.Telemetry;

[Collection(MetricsHostCollection.Name)]
public sealed class MetricsEndpointTests(InferenceHostFixture host)
{
    private const string Model = "iris-mlp";

    private const string TwoFlowers =
        """{"inputs":[{"name":"input","shape":[2,4],"datatype":"FP32","data":[5.1,3.5,1.4,0.2,6.3,3.3,6.0,2.5]}]}""";

    private const string WrongDatatype =
        """{"inputs":[{"name":"input","shape":[1,4],"datatype":"FP64","data":[1,2,3,4]}]}""";

    [Fact]
    public async Task Metrics_AfterInference_ParseAsPrometheusTextWithPerVersionCounts()
    {
        var recorder = host.Services.GetRequiredService<TelemetryRecorder>();
        var slot1 = await InferAsync("1", TwoFlowers, HttpStatusCode.OK);
        var slot2 = await InferAsync("2", TwoFlowers, HttpStatusCode.OK);
        var version1 = Counters(recorder, "1", slot1);
        var version2 = Counters(recorder, "2", slot2);

        await InferAsync("1", TwoFlowers, HttpStatusCode.OK);
        await InferAsync("1", TwoFlowers, HttpStatusCode.OK);
        await InferAsync("2", WrongDatatype, HttpStatusCode.BadRequest);

        var one = Labels("1", slot1);
        var two = Labels("2", slot2);
        PrometheusText? metrics = null;
        SlotCounters now1 = default, now2 = default;
        await Eventually.TrueAsync(
            async () =>
            {
                // The exporter caches a scrape for a moment, and an earlier test's shadow copies may still land:
                // wait for a scrape that shows exactly what the recorder holds, our requests included.
                metrics = await MetricsScraper.ScrapeAsync(host.Http);
                (now1, now2) = (Counters(recorder, "1", slot1), Counters(recorder, "2", slot2));
                return now1.Requests >= version1.Requests + 2 && now2.Requests >= version2.Requests + 1
                    && metrics.Value("inferencehost_requests_total", one) == now1.Requests
                    && metrics.Value("inferencehost_requests_total", two) == now2.Requests;
            },
            TimeSpan.FromSeconds(10),
            "the requests to show in /metrics");

        Assert.Equal("counter", metrics!.FamilyTypes["inferencehost_requests_total"]);
        Assert.True(now2.BadInput >= version2.BadInput + 1, $"bad input on version 2: {version2.BadInput} before, {now2.BadInput} after");
        Assert.Equal(now2.BadInput, metrics.Value("inferencehost_errors_total", [.. two, ("kind", "bad_input")]));
        Assert.Equal(now1.ModelFailures, metrics.Value("inferencehost_errors_total", [.. one, ("kind", "model_failure")]));
        Assert.Equal(0, metrics.Value("inferencehost_invalid_outputs_total", one));

        // The histograms count every answer since the host started, as the recorder does.
        Assert.Equal("histogram", metrics.FamilyTypes["inferencehost_request_duration_seconds"]);
        var answered = now1.Requests - now1.BadInput - now1.ModelFailures - now1.Timeouts;
        Assert.Equal(answered, metrics.Value("inferencehost_request_duration_seconds_count", [.. one, ("outcome", "ok")]));
        Assert.Equal(now2.BadInput, metrics.Value("inferencehost_request_duration_seconds_count", [.. two, ("outcome", "bad_input")]));
        Assert.Equal(answered, metrics.Value("inferencehost_request_batch_size_count", one));
    }

    [Fact]
    public async Task Metrics_RolloutPublished_ShowsItsStepAndWeightUntilItExpires()
    {
        const string Rolled = "metrics-rollout";
        var at = DateTimeOffset.UtcNow;
        host.Services.GetRequiredService<RolloutBoard>().Publish(new RolloutStatus(
            Rolled, 1, "2", "1", RolloutPhase.Canary, 1, 25, false, at, at, null, "tests", RolloutPolicyRules.Default,
            new RolloutDecision(1, at, RolloutAction.Step, "tests", RolloutPhase.Canary, 25, "gates passed", RolloutEvidence.None)));

        PrometheusText? metrics = null;
        await Eventually.TrueAsync(
            async () => (metrics = await MetricsScraper.ScrapeAsync(host.Http)).FamilyTypes.ContainsKey("inferencehost_rollout_step"),
            TimeSpan.FromSeconds(10),
            "the rollout to show in /metrics");

        Assert.Equal(1, metrics!.Value("inferencehost_rollout_step", ("model", Rolled), ("version", "2"), ("phase", "canary")));
        Assert.Equal(25, metrics.Value("inferencehost_rollout_weight_percent", ("model", Rolled), ("version", "2")));
    }

    [Fact]
    public async Task FlushNowAsync_WhateverTheTelemetryGrainDoes_CompletesAndTheHostServes()
    {
        await InferAsync("1", TwoFlowers, HttpStatusCode.OK);

        await host.Services.GetRequiredService<TelemetryFlusher>().FlushNowAsync(CancellationToken.None);

        await InferAsync("1", TwoFlowers, HttpStatusCode.OK);
    }

    private static (string, string)[] Labels(string version, string slot) => [("model", Model), ("version", version), ("slot", slot)];

    private static SlotCounters Counters(TelemetryRecorder recorder, string version, string slot) =>
        recorder.Counters().Single(c => c.Model == Model && c.Version == version && c.Slot == slot);

    /// <summary>Infers on a version given in the URL; returns the slot the host says served it.</summary>
    private async Task<string> InferAsync(string version, string body, HttpStatusCode status)
    {
        var response = await host.Http.PostAsync(
            new Uri($"/v2/models/{Model}/versions/{version}/infer", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.True(response.StatusCode == status, $"expected {status}, got {response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return status == HttpStatusCode.OK ? Assert.Single(response.Headers.GetValues(RoutingHeaders.Slot)) : string.Empty;
    }
}

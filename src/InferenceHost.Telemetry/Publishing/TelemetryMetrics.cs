using System.Diagnostics;
using System.Diagnostics.Metrics;
using InferenceHost.Abstractions.Routing;
using InferenceHost.Telemetry.Recording;

namespace InferenceHost.Telemetry.Publishing;

/// <summary>
/// Meter <see cref="MetricNames.MeterName"/>: counters observed from <see cref="TelemetryRecorder"/>'s
/// cumulative counts when scraped (the request path records once, into the recorder), histograms of
/// duration and batch size recorded per request, and gauges of this silo's route weights (of the models
/// it served) and of the rollouts on <see cref="RolloutBoard"/>. Request and route series are tagged model, version and slot.
/// </summary>
public sealed class TelemetryMetrics
{
    // Seconds: from half a millisecond (a small model on a warm replica) to ten (a queue that backed up).
    private static readonly double[] DurationBuckets = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    private static readonly int[] BatchSizeBuckets = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024];

    private static readonly ServingSlot[] ServingSlots = Enum.GetValues<ServingSlot>();

    private readonly Histogram<double> _duration;
    private readonly Histogram<int> _batchSize;

    public TelemetryMetrics(IMeterFactory meters, TelemetryRecorder recorder, RolloutBoard rollouts, IRouteTableSource routes)
    {
        var meter = meters.Create(MetricNames.MeterName);
        meter.CreateObservableCounter(
            MetricNames.Requests, () => PerSlot(recorder, static c => c.Requests), "{request}", "Requests that reached a version, answered or failed.");
        meter.CreateObservableCounter(
            MetricNames.Errors, () => Errors(recorder), "{request}", "Failed requests by kind: bad_input (the client's), model_failure, timeout.");
        meter.CreateObservableCounter(
            MetricNames.InvalidOutputs, () => PerSlot(recorder, static c => c.InvalidOutputs), "{response}", "Answers with NaN or infinity in a floating-point output.");
        meter.CreateObservableCounter(
            MetricNames.ShadowPairs, () => PerShadow(recorder, static c => c.ShadowPairs), "{row}", "Shadow answer rows compared with the primary's.");
        meter.CreateObservableCounter(
            MetricNames.ShadowAgreements, () => PerShadow(recorder, static c => c.ShadowAgreements), "{row}", "Compared classifier rows where the shadow predicted the primary's class.");
        meter.CreateObservableCounter(
            MetricNames.ServedDropped, () => recorder.ServedDropped, "{response}", "Answers with an id that could not be kept for feedback.");
        meter.CreateObservableGauge(
            MetricNames.RouteWeight, () => RouteWeights(recorder, routes), "%", "A slot's share of requests in this silo's route table; a shadow's share mirrored.");
        meter.CreateObservableGauge(
            MetricNames.RolloutStep, () => RolloutSteps(rollouts), "{step}", "The running rollout's step index, -1 before the canary phase.");
        meter.CreateObservableGauge(
            MetricNames.RolloutWeight, () => RolloutWeights(rollouts), "%", "The rollout candidate's share of users.");
        _duration = meter.CreateHistogram(
            MetricNames.RequestDuration, "s", "Time in the replica per request.", tags: null, new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });
        _batchSize = meter.CreateHistogram(
            MetricNames.BatchSize, "{row}", "Rows (first dimension of the first input) per answered request.", tags: null, new InstrumentAdvice<int> { HistogramBucketBoundaries = BatchSizeBuckets });
    }

    public void RecordAnswered(string model, string version, string slot, TimeSpan elapsed, long batchSize)
    {
        var tags = new TagList { { MetricTags.Model, model }, { MetricTags.Version, version }, { MetricTags.Slot, slot } };
        _batchSize.Record((int)Math.Min(batchSize, int.MaxValue), tags);
        tags.Add(MetricTags.Outcome, MetricTags.Ok);
        _duration.Record(elapsed.TotalSeconds, tags);
    }

    public void RecordFailed(string model, string version, string slot, TimeSpan elapsed, RequestFailure failure) =>
        _duration.Record(
            elapsed.TotalSeconds,
            new TagList { { MetricTags.Model, model }, { MetricTags.Version, version }, { MetricTags.Slot, slot }, { MetricTags.Outcome, MetricTags.Of(failure) } });

    private static IEnumerable<Measurement<long>> PerSlot(TelemetryRecorder recorder, Func<SlotCounters, long> value) =>
        recorder.Counters().Select(c => new Measurement<long>(value(c), Tags(c)));

    private static IEnumerable<Measurement<long>> PerShadow(TelemetryRecorder recorder, Func<SlotCounters, long> value) =>
        recorder.Counters().Where(static c => c.Slot == SlotNames.Shadow).Select(c => new Measurement<long>(value(c), Tags(c)));

    private static IEnumerable<Measurement<long>> Errors(TelemetryRecorder recorder) =>
        recorder.Counters().SelectMany(static c => new[]
        {
            new Measurement<long>(c.BadInput, [.. Tags(c), new(MetricTags.Kind, MetricTags.BadInput)]),
            new Measurement<long>(c.ModelFailures, [.. Tags(c), new(MetricTags.Kind, MetricTags.ModelFailure)]),
            new Measurement<long>(c.Timeouts, [.. Tags(c), new(MetricTags.Kind, MetricTags.Timeout)]),
        });

    private static IEnumerable<Measurement<int>> RouteWeights(TelemetryRecorder recorder, IRouteTableSource routes)
    {
        foreach (var model in recorder.Models().Order(StringComparer.Ordinal))
        {
            // Only tables this silo holds already: a scrape must neither wait on nor cause a grain call it would wait for.
            var table = routes.GetAsync(model);
            if (!table.IsCompletedSuccessfully || table.Result.Deployment is not { } deployment)
            {
                continue;
            }

            foreach (var slot in ServingSlots)
            {
                if (deployment[slot] is { } assignment)
                {
                    yield return new Measurement<int>(assignment.Weight, Tags(model, assignment.Version, SlotNames.Of(slot)));
                }
            }

            if (deployment.Shadow is { } shadow)
            {
                yield return new Measurement<int>(shadow.Percent, Tags(model, shadow.Version, SlotNames.Shadow));
            }
        }
    }

    private static IEnumerable<Measurement<int>> RolloutSteps(RolloutBoard rollouts) =>
        rollouts.Current().Select(static r => new Measurement<int>(
            r.Step, new(MetricTags.Model, r.Model), new(MetricTags.Version, r.Candidate), new(MetricTags.Phase, r.Phase.ToString().ToLowerInvariant())));

    private static IEnumerable<Measurement<int>> RolloutWeights(RolloutBoard rollouts) =>
        rollouts.Current().Select(static r => new Measurement<int>(r.CanaryWeight, new(MetricTags.Model, r.Model), new(MetricTags.Version, r.Candidate)));

    private static KeyValuePair<string, object?>[] Tags(SlotCounters counters) => Tags(counters.Model, counters.Version, counters.Slot);

    private static KeyValuePair<string, object?>[] Tags(string model, string version, string slot) =>
        [new(MetricTags.Model, model), new(MetricTags.Version, version), new(MetricTags.Slot, slot)];
}

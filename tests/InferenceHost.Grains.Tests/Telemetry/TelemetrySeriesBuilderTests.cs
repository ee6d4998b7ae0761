using System.Buffers.Binary;
using InferenceHost.Abstractions.Inference;
using InferenceHost.Abstractions.Rollouts;
using InferenceHost.Abstractions.Telemetry;
using InferenceHost.Grains.Telemetry;
using InferenceHost.Telemetry.Recording;
using InferenceHost.Telemetry.Scales;
using InferenceHost.Telemetry.Statistics;
using Xunit;

namespace InferenceHost.Grains.Tests.Telemetry;

/// <summary>Series built from buckets fed real deltas at exact times: the grid, rates, nulls, slots and drift.</summary>
public sealed class TelemetrySeriesBuilderTests
{
    private const string Model = "iris";

    private static readonly TimeSpan Step = TimeSpan.FromSeconds(10);

    /// <summary>7.5 s into a 10 s step: the grid's steps start on the step's multiples, not at "now minus the window".</summary>
    private static readonly DateTimeOffset Now = new(2025, 1, 2, 3, 4, 7, 500, TimeSpan.Zero);

    private readonly TelemetryBuckets _buckets = new(TimeSpan.FromSeconds(1), TimeSpan.FromHours(6));

    [Fact]
    public void Build_VersionsInDifferentSteps_ShareOneGridAlignedToTheStepOldestFirst()
    {
        Record(Now.AddSeconds(-26), Delta(("1", "blue", Requests(4))));
        Record(Now.AddSeconds(-12), Delta(("2", "canary", Requests(3))));
        Record(Now.AddSeconds(-2), Delta(("1", "blue", Requests(5))));
        Record(Now.AddSeconds(-30), Delta(("3", "blue", Requests(9))));

        var series = Build(TimeSpan.FromSeconds(30), baseline: null);

        DateTimeOffset[] grid = [new(2025, 1, 2, 3, 3, 40, TimeSpan.Zero), new(2025, 1, 2, 3, 3, 50, TimeSpan.Zero), new(2025, 1, 2, 3, 4, 0, TimeSpan.Zero)];
        Assert.Equal((Model, grid[0], Now, Step), (series.Model, series.Start, series.End, series.Step));
        Assert.Equal(["1", "2"], series.Versions.Select(static v => v.Version));
        Assert.All(series.Versions, v => Assert.Equal(grid, v.Points.Select(static p => p.Time)));
        Assert.Equal([4L, 0, 5], series.Versions[0].Points.Select(static p => p.Requests));
        Assert.Equal([0L, 3, 0], series.Versions[1].Points.Select(static p => p.Requests));
    }

    [Fact]
    public void Build_RequestsErrorsAndInvalidOutputs_RatesPerSecondAndPerRequestNullsWhereNoRequests()
    {
        var latency = new SparseHistogram([LatencyScale.IndexOf(2_000)], [40]);
        Record(Now.AddSeconds(-1), Delta(("1", "blue", Requests(50) with { ModelFailures = 3, Timeouts = 2, BadInput = 5, InvalidOutputs = 4, Latency = latency })));
        var points = Build(TimeSpan.FromSeconds(20), baseline: null).Versions.Single().Points;

        var (empty, full) = (points[0], points[1]);

        // Invalid outputs count per answered request (50 − 5 errors − 5 bad input), as the rollout gate counts them.
        Assert.Equal((50L, 5.0, 5L, 0.1, 4L, 0.1), (full.Requests, full.RequestRate, full.Errors, full.ErrorRate, full.InvalidOutputs, full.InvalidRate));
        Assert.Equal(2, full.Latency!.P50, 2 * 2 * LatencyScale.RelativeAccuracy);
        Assert.Equal(full.Latency.P50, full.Latency.P99);
        Assert.Equal((0L, 0.0, 0L, null, 0L, null, null), (empty.Requests, empty.RequestRate, empty.Errors, empty.ErrorRate, empty.InvalidOutputs, empty.InvalidRate, empty.Latency));
        Assert.All([empty, full], p => Assert.Equal((null, null, null), (p.Drift, p.Agreement, p.Accuracy)));
    }

    [Fact]
    public void Build_ShadowPairsAndFeedback_AgreementAndAccuracyOnlyWhereRecorded()
    {
        var classifier = new OutputSummary(OutputKind.Classifier, 100, new SparseHistogram([0], [100]), 90, SparseHistogram.Empty);
        Record(Now, Delta(
            ("1", "blue", Requests(100) with { Outputs = classifier, Feedback = new FeedbackSummary(10, 8, 0) }),
            ("2", "shadow", Requests(100) with { Outputs = classifier, Agreement = new AgreementSummary(100, 90, 3, 300) })));

        var series = Build(Step, baseline: null);

        var (active, shadow) = (series.Versions[0].Points.Single(), series.Versions[1].Points.Single());
        Assert.Equal((null, 0.8), (active.Agreement, active.Accuracy));
        Assert.Equal((0.9, null), (shadow.Agreement, shadow.Accuracy));
    }

    [Fact]
    public void Build_VersionInTwoSlots_MergesThemAndNamesEach()
    {
        Record(Now.AddSeconds(-3), Delta(("2", "shadow", Requests(4)), ("2", "canary", Requests(3)), ("1", "blue", Requests(9))));
        Record(Now, Delta(("2", "canary", Requests(1))));

        var series = Build(Step, baseline: "1");

        Assert.Equal([["blue"], ["canary", "shadow"]], series.Versions.Select(static v => v.Slots));
        Assert.Equal([9L, 8L], series.Versions.Select(static v => v.Points.Single().Requests));
    }

    [Fact]
    public void Build_CandidateShiftedTwentyPointsFromBaseline_DriftIsTheDriftGatesEstimatePerStep()
    {
        var recorder = new TelemetryRecorder(TimeProvider.System);
        Answer(recorder, "1", "blue", class0: 6, class1: 4);
        Answer(recorder, "2", "canary", class0: 1, class1: 0);
        Record(Now.AddSeconds(-10), recorder.TakeDeltas("silo-a")[Model]);
        Answer(recorder, "1", "blue", class0: 60, class1: 40);
        Answer(recorder, "2", "canary", class0: 40, class1: 60);
        var lastStep = recorder.TakeDeltas("silo-a")[Model];
        Record(Now, lastStep);

        var series = Build(TimeSpan.FromSeconds(30), baseline: "1");

        var (baseline, candidate) = (series.Versions[0].Points, series.Versions[1].Points);
        Assert.Equal("1", series.Baseline);
        Assert.All(baseline, static p => Assert.Null(p.Drift));
        Assert.Equal([null, null], candidate.Take(2).Select(static p => p.Drift));
        Assert.Equal(0.2, candidate[2].Drift!.Value, 9);
        Assert.Equal(DriftGateEstimate(lastStep, candidate: "2", baseline: "1"), candidate[2].Drift);
    }

    [Fact]
    public void Build_BaselineNotSeen_EveryDriftNull()
    {
        var recorder = new TelemetryRecorder(TimeProvider.System);
        Answer(recorder, "2", "canary", class0: 40, class1: 60);
        Record(Now, recorder.TakeDeltas("silo-a")[Model]);

        var series = Build(Step, baseline: "1");

        Assert.Null(series.Versions.Single().Points.Single().Drift);
    }

    private TelemetrySeries Build(TimeSpan window, string? baseline) =>
        TelemetrySeriesBuilder.Build(Model, _buckets, SeriesGrid.Ending(Now, window, Step), baseline, Now);

    /// <summary>What the grain does with a delta that arrives at <paramref name="at"/>.</summary>
    private void Record(DateTimeOffset at, TelemetryDelta delta) => _buckets.Add(at, delta.Slots);

    private static VersionAggregate Requests(long requests) => VersionAggregate.Empty with { Requests = requests };

    private static TelemetryDelta Delta(params (string Version, string Slot, VersionAggregate Counts)[] slots) =>
        new("silo-a", Now, [.. slots.Select(static s => new SlotTelemetry(s.Version, s.Slot, s.Counts))], []);

    /// <summary>Answers of a two-class classifier as a replica records them: so many predicting class 0, so many class 1.</summary>
    private static void Answer(TelemetryRecorder recorder, string version, string slot, int class0, int class1)
    {
        var request = new InferenceRequest(null, [Fp32("input", [1, 4], 5.1f, 3.5f, 1.4f, 0.2f)], []);
        for (var i = 0; i < class0 + class1; i++)
        {
            var probabilities = i < class0 ? Fp32("probabilities", [1, 2], 0.8f, 0.2f) : Fp32("probabilities", [1, 2], 0.3f, 0.7f);
            recorder.RecordAnswered(Model, version, slot, TimeSpan.FromMilliseconds(1), request, new InferenceResponse(Model, version, null, [probabilities]));
        }
    }

    private static InferenceTensor Fp32(string name, long[] shape, params float[] values)
    {
        var data = new byte[values.Length * sizeof(float)];
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(data.AsSpan(i * sizeof(float)), values[i]);
        }

        return new InferenceTensor(name, "FP32", shape, data);
    }

    private static double DriftGateEstimate(TelemetryDelta delta, string candidate, string baseline)
    {
        VersionAggregate Of(string version) => delta.Slots.Where(s => s.Version == version).Aggregate(VersionAggregate.Empty, static (a, s) => a.Merge(s.Counts));
        var policy = RolloutPolicyRules.Default with { Gates = [new RolloutGate(GateMetric.Drift, 0.05)] };
        return GateEvaluator.Evaluate(policy, Of(candidate), Of(baseline)).Single().Estimate;
    }
}

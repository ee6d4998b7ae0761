using InferenceHost.Abstractions.Inference;
using InferenceHost.Abstractions.Rollouts;
using InferenceHost.Abstractions.Telemetry;
using Xunit;

namespace InferenceHost.Grains.Tests.Telemetry;

/// <summary>The telemetry grain on a real cluster, fed deltas as silos send them. Each test uses a model name of its own.</summary>
public sealed class ModelTelemetryGrainTests(TwoSiloClusterFixture fixture) : IClassFixture<TwoSiloClusterFixture>
{
    private static readonly DateTimeOffset LongAgo = DateTimeOffset.UtcNow.AddHours(-1);

    [Fact]
    public async Task GetWindow_DeltasFromTwoSilos_MergesPerVersionAndSlot()
    {
        var grain = Grain(nameof(GetWindow_DeltasFromTwoSilos_MergesPerVersionAndSlot));

        await grain.Record(Delta("silo-a", ("1", "blue", Requests(10, errors: 1)), ("2", "canary", Requests(2, errors: 0))));
        await grain.Record(Delta("silo-b", ("1", "blue", Requests(5, errors: 2)), ("2", "shadow", Requests(7, errors: 0))));
        var window = await grain.GetWindow(LongAgo);

        Assert.Equal(
            [("1", "blue", 15L, 3L), ("2", "canary", 2L, 0L), ("2", "shadow", 7L, 0L)],
            window.Slots.Select(static s => (s.Version, s.Slot, s.Counts.Requests, s.Counts.ModelFailures)));
    }

    [Fact]
    public async Task GetVersion_DeltaRecordedBeforeTheWindowOpened_IsNotCountedThoughItArrivesAfter()
    {
        var grain = Grain(nameof(GetVersion_DeltaRecordedBeforeTheWindowOpened_IsNotCountedThoughItArrivesAfter));
        var opened = DateTimeOffset.UtcNow;

        // A silo's flush that began recording before the window opened (a rollout just started) and arrives after it.
        await grain.Record(Delta("silo-a", ("2", "shadow", Requests(50, errors: 50))) with { RecordedFrom = opened.AddSeconds(-5) });
        await grain.Record(Delta("silo-b", ("2", "shadow", Requests(7, errors: 0))) with { RecordedFrom = opened });

        Assert.Equal((7L, 0L), ((await grain.GetVersion("2", opened)).Requests, (await grain.GetVersion("2", opened)).ModelFailures));
        Assert.Equal(57, (await grain.GetVersion("2", LongAgo)).Requests);
    }

    [Fact]
    public async Task GetVersion_VersionInTwoSlots_SumsItsSlotsOnly()
    {
        var grain = Grain(nameof(GetVersion_VersionInTwoSlots_SumsItsSlotsOnly));

        await grain.Record(Delta("silo-a", ("1", "blue", Requests(10, 0)), ("2", "canary", Requests(3, 1)), ("2", "shadow", Requests(4, 1))));

        var version = await grain.GetVersion("2", LongAgo);
        Assert.Equal((7L, 2L), (version.Requests, version.ModelFailures));
        Assert.Equal(0, (await grain.GetVersion("2", DateTimeOffset.UtcNow.AddMinutes(1))).Requests);
    }

    [Fact]
    public async Task Compare_CandidateFailingMoreOften_FailsTheErrorGateAndEvaluatesEveryMetric()
    {
        var grain = Grain(nameof(Compare_CandidateFailingMoreOften_FailsTheErrorGateAndEvaluatesEveryMetric));
        await grain.Record(Delta("silo-a", ("1", "blue", Requests(4000, 0)), ("2", "canary", Requests(4000, 400))));

        var comparison = await grain.Compare("2", "1", LongAgo, RolloutPolicyRules.WithEveryGate(RolloutPolicyRules.Default));

        Assert.Equal((4000L, 4000L), (comparison.CandidateRequests, comparison.BaselineRequests));
        Assert.Equal(Enum.GetValues<GateMetric>(), comparison.Gates.Select(static g => g.Metric));
        var errors = comparison.Gates.Single(static g => g.Metric == GateMetric.ErrorRate);
        Assert.Equal((GateOutcome.Fail, 0.1, 0.0), (errors.Outcome, errors.Candidate, errors.Baseline));
    }

    [Fact]
    public async Task GetSeries_DeltasOfTwoVersionsFromTwoSilos_CountsEachOnOneGrid()
    {
        var grain = Grain(nameof(GetSeries_DeltasOfTwoVersionsFromTwoSilos_CountsEachOnOneGrid));
        await grain.Record(Delta("silo-a", ("1", "blue", Requests(10, errors: 1)), ("2", "canary", Requests(3, errors: 0))));
        await grain.Record(Delta("silo-b", ("1", "blue", Requests(5, errors: 0)), ("2", "shadow", Requests(2, errors: 0))));

        var series = await grain.GetSeries(TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(5), "1");

        Assert.Equal("1", series.Baseline);
        Assert.Equal(["1", "2"], series.Versions.Select(static v => v.Version));
        Assert.Equal([["blue"], ["canary", "shadow"]], series.Versions.Select(static v => v.Slots));
        Assert.All(series.Versions, v => Assert.Equal(12, v.Points.Count));
        Assert.Equal(series.Versions[0].Points.Select(static p => p.Time), series.Versions[1].Points.Select(static p => p.Time));
        Assert.Equal([(15L, 1L), (5L, 0L)], series.Versions.Select(static v => (v.Points.Sum(static p => p.Requests), v.Points.Sum(static p => p.Errors))));
    }

    [Fact]
    public async Task AddFeedback_ServedIds_CountsAccuracyForTheVersionThatServedEach()
    {
        var grain = Grain(nameof(AddFeedback_ServedIds_CountsAccuracyForTheVersionThatServedEach));
        await grain.Record(Delta("silo-a", Served("a", "1", "blue", 2), Served("b", "2", "canary", 1, 0), Served("c", "2", "canary", 0)));

        var first = await grain.AddFeedback("a", [2]);
        var second = await grain.AddFeedback("b", [1, 1]);
        await grain.AddFeedback("c", [1]);

        Assert.Equal(new FeedbackReceipt("a", "1", "blue", 1, 1, 0), first);
        Assert.Equal(new FeedbackReceipt("b", "2", "canary", 2, 1, 0), second);
        Assert.Equal(new FeedbackSummary(1, 1, 0), (await grain.GetVersion("1", LongAgo)).Feedback);
        Assert.Equal(new FeedbackSummary(3, 1, 0), (await grain.GetVersion("2", LongAgo)).Feedback);
    }

    [Fact]
    public async Task AddFeedback_Refusals_ChangeNoAccuracy()
    {
        var grain = Grain(nameof(AddFeedback_Refusals_ChangeNoAccuracy));
        await grain.Record(Delta("silo-a", Served("a", "1", "blue", 2, 0)));

        var unknown = await Assert.ThrowsAsync<InferenceException>(() => grain.AddFeedback("nobody", [1]));
        var count = await Assert.ThrowsAsync<InferenceException>(() => grain.AddFeedback("a", [1]));
        var fraction = await Assert.ThrowsAsync<InferenceException>(() => grain.AddFeedback("a", [1.5, 0]));
        await grain.AddFeedback("a", [2, 0]);
        var twice = await Assert.ThrowsAsync<InferenceException>(() => grain.AddFeedback("a", [2, 0]));

        Assert.Equal(InferenceErrorKind.NotFound, unknown.Kind);
        Assert.Contains("no answered request with id 'nobody'", unknown.Message, StringComparison.Ordinal);
        Assert.Equal((InferenceErrorKind.InvalidInput, "request 'a' of model 'feedback-refusals' had 2 row(s); feedback gave 1 label(s)"), (count.Kind, count.Message));
        Assert.Equal(InferenceErrorKind.InvalidInput, fraction.Kind);
        Assert.Equal((InferenceErrorKind.InvalidInput, "request 'a' of model 'feedback-refusals' already has feedback"), (twice.Kind, twice.Message));
        Assert.Equal(new FeedbackSummary(2, 2, 0), (await grain.GetVersion("1", LongAgo)).Feedback);
    }

    [Fact]
    public async Task AddFeedback_Regressor_CountsAbsoluteError()
    {
        var grain = Grain(nameof(AddFeedback_Regressor_CountsAbsoluteError));
        await grain.Record(new TelemetryDelta("silo-a", DateTimeOffset.UtcNow, [], [new ServedPrediction("r", "1", "blue", OutputKind.Regressor, [2.5, -1], DateTimeOffset.UtcNow)]));

        var receipt = await grain.AddFeedback("r", [3, -1]);

        Assert.Equal(0.5, receipt.AbsoluteError, 9);
        Assert.Equal(new FeedbackSummary(2, 0, 0.5), (await grain.GetVersion("1", LongAgo)).Feedback);
    }

    private IModelTelemetryGrain Grain(string test) => fixture.Cluster.Client.GetGrain<IModelTelemetryGrain>(
        test == nameof(AddFeedback_Refusals_ChangeNoAccuracy) ? "feedback-refusals" : test);

    private static VersionAggregate Requests(long requests, long errors) => VersionAggregate.Empty with { Requests = requests, ModelFailures = errors };

    private static TelemetryDelta Delta(string silo, params (string Version, string Slot, VersionAggregate Counts)[] slots) =>
        new(silo, DateTimeOffset.UtcNow, [.. slots.Select(static s => new SlotTelemetry(s.Version, s.Slot, s.Counts))], []);

    private static TelemetryDelta Delta(string silo, params ServedPrediction[] served) => new(silo, DateTimeOffset.UtcNow, [], served);

    private static ServedPrediction Served(string id, string version, string slot, params double[] classes) =>
        new(id, version, slot, OutputKind.Classifier, classes, DateTimeOffset.UtcNow);
}

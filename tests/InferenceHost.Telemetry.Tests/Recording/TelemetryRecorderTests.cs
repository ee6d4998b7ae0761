using InferenceHost.Abstractions.Inference;
using InferenceHost.Abstractions.Telemetry;
using InferenceHost.Telemetry.Recording;
using InferenceHost.Telemetry.Scales;

namespace InferenceHost.Telemetry.Tests.Recording;

public sealed class TelemetryRecorderTests
{
    private const string Model = "iris";
    private const string Silo = "silo-1";

    private static readonly DateTimeOffset Start = new(2025, 1, 2, 3, 4, 5, TimeSpan.Zero);

    private readonly ManualTimeProvider _time = new(Start);

    [Fact]
    public void TakeDeltas_EachDelta_SaysWhenItsRecordingBegan()
    {
        var recorder = new TelemetryRecorder(_time);
        var probabilities = Tensors.Fp32("probabilities", [1, 3], 0.7f, 0.2f, 0.1f);
        _time.Advance(TimeSpan.FromSeconds(3));
        recorder.RecordAnswered(Model, "1", "blue", TimeSpan.FromMilliseconds(2), Tensors.Request(null, 1), Tensors.Response(probabilities));

        var first = recorder.TakeDeltas(Silo)[Model];
        _time.Advance(TimeSpan.FromSeconds(1));
        recorder.RecordAnswered(Model, "1", "blue", TimeSpan.FromMilliseconds(2), Tensors.Request(null, 1), Tensors.Response(probabilities));
        var second = recorder.TakeDeltas(Silo)[Model];

        Assert.Equal((Start, Start.AddSeconds(3)), (first.RecordedFrom, first.At));
        Assert.Equal((Start.AddSeconds(3), Start.AddSeconds(4)), (second.RecordedFrom, second.At));
    }

    [Fact]
    public void RecordAnswered_Classifier_CountsRequestLatencyBatchAndTop1Classes()
    {
        var recorder = new TelemetryRecorder(_time);
        var probabilities = Tensors.Fp32("probabilities", [2, 3], 0.7f, 0.2f, 0.1f, 0.1f, 0.1f, 0.8f);

        recorder.RecordAnswered(Model, "1", "blue", TimeSpan.FromMilliseconds(2), Tensors.Request(null, 2), Tensors.Response(probabilities));

        var counts = Single(recorder.TakeDeltas(Silo), "1", "blue");
        Assert.Equal((1, 0, 0, 0, 0), (counts.Requests, counts.BadInput, counts.ModelFailures, counts.Timeouts, counts.InvalidOutputs));
        Assert.Equal([LatencyScale.IndexOf(2000)], counts.Latency.Indexes);
        Assert.Equal([2], counts.BatchSizes.Indexes);
        Assert.Equal([1L], counts.BatchSizes.Counts);
        Assert.Equal((OutputKind.Classifier, 2L), (counts.Outputs.Kind, counts.Outputs.Rows));
        Assert.Equal([0, 2], counts.Outputs.Classes.Indexes);
        Assert.Equal([1L, 1L], counts.Outputs.Classes.Counts);
        Assert.Equal(1.5, counts.Outputs.ConfidenceSum, 5);
        Assert.Empty(counts.Outputs.Values.Indexes);
    }

    [Fact]
    public void RecordAnswered_SummaryOutputNamed_SummarisesThatOutputWhereverItIsAndSkipsAnswersWithoutIt()
    {
        var recorder = new TelemetryRecorder(_time);
        var probabilities = Tensors.Fp32("probabilities", [1, 3], 0.1f, 0.2f, 0.7f);
        var scores = Tensors.Fp32("scores", [1, 2], 5f, 1f);

        recorder.RecordAnswered(Model, "1", "blue", TimeSpan.FromMilliseconds(1), Tensors.Request("a", 1), Tensors.Response(scores, probabilities), "probabilities");
        recorder.RecordAnswered(Model, "1", "blue", TimeSpan.FromMilliseconds(1), Tensors.Request("b", 1), Tensors.Response(scores), "probabilities");

        var delta = recorder.TakeDeltas(Silo)[Model];
        var counts = Assert.Single(delta.Slots).Counts;
        Assert.Equal(2, counts.Requests);
        Assert.Equal((OutputKind.Classifier, 1L), (counts.Outputs.Kind, counts.Outputs.Rows));
        Assert.Equal([2], counts.Outputs.Classes.Indexes);
        Assert.Equal(["a"], delta.Served.Select(static s => s.Id));
    }

    [Fact]
    public void RecordAnswered_ClassifierScoresNotProbabilities_ConfidenceIsTheSoftmaxMaximum()
    {
        var recorder = new TelemetryRecorder(_time);

        recorder.RecordAnswered(Model, "1", "blue", TimeSpan.FromMilliseconds(1), Tensors.Request(null), Tensors.Response(Tensors.Fp64("logits", [1, 2], 2.0, 0.0)));

        var counts = Single(recorder.TakeDeltas(Silo), "1", "blue");
        Assert.Equal([0], counts.Outputs.Classes.Indexes);
        Assert.Equal(1 / (1 + Math.Exp(-2)), counts.Outputs.ConfidenceSum, 5);
    }

    [Fact]
    public void RecordAnswered_HalfPrecisionProbabilities_ReadAsProbabilities()
    {
        var recorder = new TelemetryRecorder(_time);

        recorder.RecordAnswered(Model, "1", "blue", TimeSpan.FromMilliseconds(1), Tensors.Request(null), Tensors.Response(Tensors.Fp16("p", [1, 3], 0.1f, 0.6f, 0.3f)));

        var counts = Single(recorder.TakeDeltas(Silo), "1", "blue");
        Assert.Equal((OutputKind.Classifier, 1), (counts.Outputs.Kind, Assert.Single(counts.Outputs.Classes.Indexes)));
        Assert.Equal(0.6, counts.Outputs.ConfidenceSum, 3);
    }

    [Fact]
    public void RecordAnswered_Regressor_BucketsEveryValue()
    {
        var recorder = new TelemetryRecorder(_time);

        recorder.RecordAnswered(Model, "2", "canary", TimeSpan.FromMilliseconds(1), Tensors.Request(null, 3), Tensors.Response(Tensors.Fp32("y", [3], 1.5f, -2f, 1.5f)));

        var counts = Single(recorder.TakeDeltas(Silo), "2", "canary");
        Assert.Equal((OutputKind.Regressor, 3L), (counts.Outputs.Kind, counts.Outputs.Rows));
        Assert.Equal([ValueScale.IndexOf(-2), ValueScale.IndexOf(1.5)], counts.Outputs.Values.Indexes);
        Assert.Equal([1L, 2L], counts.Outputs.Values.Counts);
        Assert.Empty(counts.Outputs.Classes.Indexes);
    }

    [Fact]
    public void RecordAnswered_IntegerLabelsFirst_IsARegressorOverTheLabels()
    {
        var recorder = new TelemetryRecorder(_time);

        recorder.RecordAnswered(Model, "1", "blue", TimeSpan.FromMilliseconds(1), Tensors.Request(null, 2), Tensors.Response(Tensors.Int64("label", [2], 0, 2)));

        var counts = Single(recorder.TakeDeltas(Silo), "1", "blue");
        Assert.Equal(OutputKind.Regressor, counts.Outputs.Kind);
        Assert.Equal([ValueScale.IndexOf(0), ValueScale.IndexOf(2)], counts.Outputs.Values.Indexes);
    }

    [Theory]
    [InlineData(float.NaN)]
    [InlineData(float.PositiveInfinity)]
    [InlineData(float.NegativeInfinity)]
    public void RecordAnswered_NonFiniteInAnyOutput_CountsOneInvalidAnswerAndSummarisesNothing(float bad)
    {
        var recorder = new TelemetryRecorder(_time);
        var response = Tensors.Response(Tensors.Fp32("p", [1, 3], 0.2f, 0.3f, 0.5f), Tensors.Fp32("extra", [1, 2], 1f, bad));

        recorder.RecordAnswered(Model, "3", "canary", TimeSpan.FromMilliseconds(1), Tensors.Request("id-1"), response);

        var delta = Assert.Single(recorder.TakeDeltas(Silo)).Value;
        var counts = Assert.Single(delta.Slots).Counts;
        Assert.Equal((1, 1), (counts.Requests, counts.InvalidOutputs));
        Assert.Same(OutputSummary.Empty, counts.Outputs);
        Assert.Empty(delta.Served);
    }

    [Fact]
    public void RecordFailed_ByKind_CountsEachAsARequest()
    {
        var recorder = new TelemetryRecorder(_time);

        recorder.RecordFailed(Model, "1", "blue", RequestFailures.Of(InferenceException.InvalidInput("bad")));
        recorder.RecordFailed(Model, "1", "blue", RequestFailures.Of(new InferenceException(InferenceErrorKind.ModelFailure, "boom")));
        recorder.RecordFailed(Model, "1", "blue", RequestFailures.Of(new TimeoutException()));
        recorder.RecordFailed(Model, "1", "blue", RequestFailures.Of(new OperationCanceledException()));

        var counts = Single(recorder.TakeDeltas(Silo), "1", "blue");
        Assert.Equal((4, 1, 1, 2, 3), (counts.Requests, counts.BadInput, counts.ModelFailures, counts.Timeouts, counts.Errors));
        Assert.Empty(counts.Latency.Indexes);
    }

    [Fact]
    public void TakeDeltas_SecondCall_ReturnsOnlyWhatWasRecordedSinceAndNothingWhenIdle()
    {
        var recorder = new TelemetryRecorder(_time);
        var response = Tensors.Response(Tensors.Fp32("p", [1, 2], 0.9f, 0.1f));
        recorder.RecordAnswered(Model, "1", "blue", TimeSpan.FromMilliseconds(1), Tensors.Request(null), response);
        recorder.RecordAnswered(Model, "1", "blue", TimeSpan.FromMilliseconds(1), Tensors.Request(null), response);
        recorder.TakeDeltas(Silo);

        recorder.RecordAnswered(Model, "1", "blue", TimeSpan.FromMilliseconds(5), Tensors.Request(null), response);
        recorder.RecordFailed(Model, "2", "canary", RequestFailure.ModelFailure);
        _time.Advance(TimeSpan.FromSeconds(1));
        var deltas = recorder.TakeDeltas(Silo);

        var delta = Assert.Single(deltas).Value;
        Assert.Equal((Silo, Start.AddSeconds(1)), (delta.Silo, delta.At));
        var blue = Single(deltas, "1", "blue");
        Assert.Equal((1, 1L), (blue.Requests, blue.Outputs.Rows));
        Assert.Equal([LatencyScale.IndexOf(5000)], blue.Latency.Indexes);
        Assert.Equal([1L], blue.Latency.Counts);
        Assert.Equal([1L], blue.Outputs.Classes.Counts);
        Assert.Equal((1, 1), (Single(deltas, "2", "canary").Requests, Single(deltas, "2", "canary").ModelFailures));
        Assert.Empty(recorder.TakeDeltas(Silo));
    }

    [Fact]
    public void TakeDeltas_PerModel_SeparatesModels()
    {
        var recorder = new TelemetryRecorder(_time);
        recorder.RecordFailed("a", "1", "blue", RequestFailure.BadInput);
        recorder.RecordFailed("b", "1", "blue", RequestFailure.BadInput);

        Assert.Equal(["a", "b"], recorder.TakeDeltas(Silo).Keys.Order());
    }

    [Fact]
    public void RecordShadowPair_Classifier_CountsPairsAgreementsAndAbsoluteDifference()
    {
        var recorder = new TelemetryRecorder(_time);
        var primary = Tensors.Response(Tensors.Fp32("p", [2, 2], 0.9f, 0.1f, 0.4f, 0.6f));
        var shadow = Tensors.Response(Tensors.Fp32("p", [2, 2], 0.8f, 0.2f, 0.7f, 0.3f));

        recorder.RecordShadowPair(Model, "3", primary, shadow);

        var agreement = Single(recorder.TakeDeltas(Silo), "3", "shadow").Agreement;
        Assert.Equal((2, 1, 4), (agreement.Pairs, agreement.Top1Agreements, agreement.Elements));
        Assert.Equal(0.1 + 0.1 + 0.3 + 0.3, agreement.AbsoluteDifferenceSum, 5);
    }

    [Fact]
    public void RecordShadowPair_DifferentShape_PairsEveryRowWithNoAgreement()
    {
        var recorder = new TelemetryRecorder(_time);

        recorder.RecordShadowPair(
            Model, "3", Tensors.Response(Tensors.Fp32("p", [1, 2], 0.9f, 0.1f)), Tensors.Response(Tensors.Fp32("p", [1, 3], 0.9f, 0.05f, 0.05f)));

        var agreement = Single(recorder.TakeDeltas(Silo), "3", "shadow").Agreement;
        Assert.Equal((1, 0, 0), (agreement.Pairs, agreement.Top1Agreements, agreement.Elements));
    }

    [Fact]
    public void Counters_AreCumulativeAcrossTakes()
    {
        var recorder = new TelemetryRecorder(_time);
        var response = Tensors.Response(Tensors.Fp32("p", [1, 2], 0.9f, 0.1f));
        recorder.RecordAnswered(Model, "1", "blue", TimeSpan.FromMilliseconds(1), Tensors.Request(null), response);
        recorder.TakeDeltas(Silo);
        recorder.RecordFailed(Model, "1", "blue", RequestFailure.Timeout);
        recorder.RecordShadowPair(Model, "2", response, response);

        var counters = recorder.Counters().OrderBy(c => c.Version).ToList();

        Assert.Equal(new SlotCounters(Model, "1", "blue", 2, 0, 0, 1, 0, 0, 0), counters[0]);
        Assert.Equal(new SlotCounters(Model, "2", "shadow", 0, 0, 0, 0, 0, 1, 1), counters[1]);
        Assert.Equal([Model], recorder.Models());
    }

    [Fact]
    public void RecordAnswered_WithId_JournalsPredictionsPerRowForTheServingSlotOnly()
    {
        var recorder = new TelemetryRecorder(_time);
        var classes = Tensors.Response(Tensors.Fp32("p", [2, 3], 0.7f, 0.2f, 0.1f, 0.1f, 0.1f, 0.8f));
        var values = Tensors.Response(Tensors.Fp32("y", [2, 1, 2], 4f, 5f, 6f, 7f));

        recorder.RecordAnswered(Model, "1", "blue", TimeSpan.FromMilliseconds(1), Tensors.Request("c-1", 2), classes);
        recorder.RecordAnswered(Model, "2", "canary", TimeSpan.FromMilliseconds(1), Tensors.Request("r-1", 2), values);
        recorder.RecordAnswered(Model, "3", "shadow", TimeSpan.FromMilliseconds(1), Tensors.Request("c-1", 2), classes);
        recorder.RecordAnswered(Model, "1", "blue", TimeSpan.FromMilliseconds(1), Tensors.Request(null, 2), classes);

        var served = recorder.TakeDeltas(Silo)[Model].Served;
        Assert.Equal(2, served.Count);
        Assert.Equal(("c-1", "1", "blue", OutputKind.Classifier, Start), (served[0].Id, served[0].Version, served[0].Slot, served[0].Kind, served[0].At));
        Assert.Equal([0.0, 2.0], served[0].Predictions);
        Assert.Equal(("r-1", "2", "canary", OutputKind.Regressor), (served[1].Id, served[1].Version, served[1].Slot, served[1].Kind));
        Assert.Equal([4.0, 6.0], served[1].Predictions);
        Assert.Empty(recorder.TakeDeltas(Silo).GetValueOrDefault(Model)?.Served ?? []);
    }

    [Fact]
    public void TakeDeltas_JournalOverflow_KeepsTheNewestAndCountsTheDropped()
    {
        var recorder = new TelemetryRecorder(_time, servedCapacity: 4);
        var response = Tensors.Response(Tensors.Fp32("p", [1, 2], 0.9f, 0.1f));
        for (var i = 0; i < 10; i++)
        {
            recorder.RecordAnswered(Model, "1", "blue", TimeSpan.FromMilliseconds(1), Tensors.Request($"id-{i}"), response);
        }

        var served = recorder.TakeDeltas(Silo)[Model].Served;

        Assert.Equal(["id-6", "id-7", "id-8", "id-9"], served.Select(s => s.Id));
        Assert.Equal(6, recorder.ServedDropped);
    }

    [Fact]
    public void RecordAnswered_BatchLargerThanTheJournalHolds_IsCountedButNotJournalled()
    {
        var recorder = new TelemetryRecorder(_time);
        var rows = 33;

        recorder.RecordAnswered(Model, "1", "blue", TimeSpan.FromMilliseconds(1), Tensors.Request("big", rows), Tensors.Response(Tensors.Fp32("y", [rows], new float[rows])));

        var delta = recorder.TakeDeltas(Silo)[Model];
        Assert.Empty(delta.Served);
        Assert.Equal(rows, Assert.Single(delta.Slots).Counts.Outputs.Rows);
        Assert.Equal(1, recorder.ServedDropped);
    }

    [Fact]
    public void RecordAnswered_BatchBeyondTheCap_SharesTheTopBucket()
    {
        var recorder = new TelemetryRecorder(_time);

        recorder.RecordAnswered(Model, "1", "blue", TimeSpan.FromMilliseconds(1), Tensors.Request(null, 5000), Tensors.Response());

        Assert.Equal([BatchSizes.Max], Single(recorder.TakeDeltas(Silo), "1", "blue").BatchSizes.Indexes);
    }

    private static VersionAggregate Single(IReadOnlyDictionary<string, TelemetryDelta> deltas, string version, string slot) =>
        Assert.Single(deltas[Model].Slots, s => s.Version == version && s.Slot == slot).Counts;
}

using InferenceHost.Abstractions.Telemetry;
using InferenceHost.Telemetry.Scales;
using InferenceHost.Telemetry.Statistics;

namespace InferenceHost.Telemetry.Tests.Statistics;

public sealed class SeriesPointsTests
{
    private static readonly DateTimeOffset Time = new(2025, 1, 2, 3, 4, 0, TimeSpan.Zero);

    private static readonly TimeSpan Step = TimeSpan.FromSeconds(10);

    [Fact]
    public void Of_EmptyStep_CountsZeroAndEveryStatisticNull()
    {
        var point = SeriesPoints.Of(Time, Step, VersionAggregate.Empty, Aggregates.Classifier(1_000));

        Assert.Equal(new SeriesPoint(Time, 0, 0, 0, null, 0, null, null, null, null, null), point);
    }

    [Fact]
    public void Of_ClassifierStep_RatesPerSecondAndPerRequestWithQuantilesAgreementAndAccuracy()
    {
        var counts = Aggregates.Classifier(
            100, errors: 10, invalid: 9, medianMs: 20, sigma: 0.0001, agreement: new AgreementSummary(50, 45, 0, 0), feedback: new FeedbackSummary(20, 15, 0));

        var point = SeriesPoints.Of(Time, Step, counts, baseline: null);

        Assert.Equal((100L, 10.0, 10L, 0.1, 9L, 0.1), (point.Requests, point.RequestRate, point.Errors, point.ErrorRate, point.InvalidOutputs, point.InvalidRate));
        Assert.Equal(20, point.Latency!.P50, 20 * 2 * LatencyScale.RelativeAccuracy);
        Assert.Equal(20, point.Latency.P99, 20 * 2 * LatencyScale.RelativeAccuracy);
        Assert.Equal((0.9, 0.75), (point.Agreement, point.Accuracy));
        Assert.Null(point.Drift);
    }

    [Fact]
    public void Of_AgainstItself_DriftIsZero()
    {
        var counts = Aggregates.Classifier(100);

        Assert.Equal(0, SeriesPoints.Of(Time, Step, counts, counts).Drift);
    }

    [Fact]
    public void Of_RegressorWithPairsAndLabels_AgreementAndAccuracyNull()
    {
        var counts = Aggregates.Regressor(Aggregates.Latency(100, 5, 0.5, seed: 3)) with
        {
            Agreement = new AgreementSummary(100, 0, 12, 100),
            Feedback = new FeedbackSummary(10, 0, 4),
        };

        var point = SeriesPoints.Of(Time, Step, counts, baseline: null);

        Assert.Equal((null, null), (point.Agreement, point.Accuracy));
    }
}

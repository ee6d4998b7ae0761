using InferenceHost.Abstractions.Rollouts;
using InferenceHost.Abstractions.Telemetry;
using InferenceHost.Telemetry.Statistics;

namespace InferenceHost.Telemetry.Tests.Statistics;

public class DriftMeasuresTests
{
    [Fact]
    public void PopulationStability_SameShares_IsZero() =>
        Assert.Equal(0, DriftMeasures.PopulationStability([500, 300, 200], [1000, 600, 400]), 3);

    [Fact]
    public void PopulationStability_ClassOneSideNeverPredicted_IsLargeButFinite()
    {
        var psi = DriftMeasures.PopulationStability([0, 500, 500], [500, 250, 250]);

        Assert.True(double.IsFinite(psi));
        Assert.True(psi > 1);
    }

    [Fact]
    public void LargestShift_ClassifiersAndRegressors_IsTheDriftGatesEstimate()
    {
        var classifier = Aggregates.Classifier(5_000, classShares: [0.4, 0.35, 0.25], seed: 12);
        var classifierBaseline = Aggregates.Classifier(5_000, classShares: [0.5, 0.3, 0.2], seed: 13);
        var regressor = Aggregates.Regressor(Aggregates.Latency(20_000, 7, 0.5, seed: 12));
        var regressorBaseline = Aggregates.Regressor(Aggregates.Latency(20_000, 5, 0.5, seed: 13));

        Assert.Equal(0.1, DriftMeasures.LargestShift(classifier.Outputs, classifierBaseline.Outputs), 9);
        Assert.Equal(DriftEstimate(classifier, classifierBaseline), DriftMeasures.LargestShift(classifier.Outputs, classifierBaseline.Outputs));
        Assert.Equal(DriftEstimate(regressor, regressorBaseline), DriftMeasures.LargestShift(regressor.Outputs, regressorBaseline.Outputs));
    }

    [Fact]
    public void LargestShift_TooFewOutputsOrOutputsReadDifferently_IsNaNAsTheGateIsInconclusive()
    {
        var baseline = Aggregates.Classifier(1_000, seed: 13);

        Assert.True(double.IsNaN(DriftMeasures.LargestShift(Aggregates.Classifier(29, seed: 12).Outputs, baseline.Outputs)));
        Assert.True(double.IsNaN(DriftMeasures.LargestShift(baseline.Outputs, OutputSummary.Empty)));
        Assert.True(double.IsNaN(DriftMeasures.LargestShift(Aggregates.Regressor(Aggregates.Latency(1_000, 5, 0.5, seed: 12)).Outputs, baseline.Outputs)));
    }

    [Fact]
    public void KolmogorovSmirnov_ShiftedShares_IsLargestCumulativeGap() =>
        Assert.Equal(0.1, DriftMeasures.KolmogorovSmirnov([400, 350, 250], [500, 300, 200]), 9);

    private static double DriftEstimate(VersionAggregate candidate, VersionAggregate baseline) =>
        GateEvaluator.Evaluate(RolloutPolicyRules.Default with { Gates = [new RolloutGate(GateMetric.Drift, 0.05)] }, candidate, baseline).Single().Estimate;
}

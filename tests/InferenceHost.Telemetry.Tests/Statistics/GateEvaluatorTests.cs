using InferenceHost.Abstractions.Rollouts;
using InferenceHost.Abstractions.Telemetry;
using InferenceHost.Telemetry.Statistics;

namespace InferenceHost.Telemetry.Tests.Statistics;

public class GateEvaluatorTests
{
    private static readonly VersionAggregate Baseline = Aggregates.Classifier(20_000, errors: 100, seed: 11);

    [Theory]
    [InlineData(GateMetric.ErrorRate, 0.01)]
    [InlineData(GateMetric.LatencyP50, 1.2)]
    [InlineData(GateMetric.LatencyP95, 1.25)]
    [InlineData(GateMetric.LatencyP99, 1.5)]
    [InlineData(GateMetric.InvalidOutputs, 0.002)]
    [InlineData(GateMetric.Drift, 0.05)]
    public void Evaluate_CandidateLikeTheBaseline_Passes(GateMetric metric, double threshold)
    {
        var candidate = Aggregates.Classifier(20_000, errors: 100, seed: 12);

        var gate = Single(metric, threshold, candidate, Baseline);

        Assert.Equal(GateOutcome.Pass, gate.Outcome);
        Assert.True(gate.Upper < threshold);
    }

    [Fact]
    public void Evaluate_TwoPointsMoreErrors_FailsWithTheRates()
    {
        var candidate = Aggregates.Classifier(5_000, errors: 125, seed: 12);

        var gate = Single(GateMetric.ErrorRate, 0.01, candidate, Baseline);

        Assert.Equal(GateOutcome.Fail, gate.Outcome);
        Assert.Equal(0.025, gate.Candidate, 6);
        Assert.Equal(0.005, gate.Baseline, 6);
        Assert.Equal(0.02, gate.Estimate, 6);
        Assert.True(gate.Lower > 0.005);
    }

    [Fact]
    public void Evaluate_ThirtyPercentSlowerAtP95_FailsWithQuantilesInMilliseconds()
    {
        var candidate = Aggregates.Classifier(5_000, errors: 25, sigma: 0.4 + (Math.Log(1.3) / 1.645), seed: 12);

        var gate = Single(GateMetric.LatencyP95, 1.25, candidate, Baseline);

        Assert.Equal(GateOutcome.Fail, gate.Outcome);
        Assert.InRange(gate.Baseline, 20 * Math.Exp(0.4 * 1.645) * 0.97, 20 * Math.Exp(0.4 * 1.645) * 1.03);
        Assert.InRange(gate.Estimate, 1.2, 1.4);
        Assert.Equal(gate.Candidate / gate.Baseline, gate.Estimate, 9);
    }

    [Fact]
    public void Evaluate_OnePercentNaN_FailsInvalidOutputs()
    {
        var candidate = Aggregates.Classifier(5_000, errors: 25, invalid: 50, seed: 12);

        Assert.Equal(GateOutcome.Fail, Single(GateMetric.InvalidOutputs, 0.002, candidate, Baseline).Outcome);
    }

    [Fact]
    public void Evaluate_ClassSharesShiftTenPoints_FailsDriftAndReportsPsiAndKs()
    {
        var candidate = Aggregates.Classifier(5_000, errors: 25, classShares: [0.4, 0.35, 0.25], seed: 12);

        var gate = Single(GateMetric.Drift, 0.05, candidate, Baseline);

        Assert.Equal(GateOutcome.Fail, gate.Outcome);
        Assert.Equal(0.1, gate.Estimate, 2);
        Assert.Contains("PSI", gate.Detail, StringComparison.Ordinal);
        Assert.Contains("KS 0.1", gate.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, GateOutcome.Pass)]
    [InlineData(2, GateOutcome.Fail)]
    public void Evaluate_RegressorValuesShifted_DriftTestsBaselineDeciles(double shift, GateOutcome expected)
    {
        var candidate = Aggregates.Regressor(Aggregates.Latency(20_000, 5 + shift, 0.5, seed: 12));
        var baseline = Aggregates.Regressor(Aggregates.Latency(20_000, 5, 0.5, seed: 13));

        var gate = Single(GateMetric.Drift, 0.05, candidate, baseline);

        Assert.Equal(expected, gate.Outcome);
        Assert.Contains("over 10 categories", gate.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_NoNaNEitherSide_IntervalHasWidthAndNoNaN()
    {
        var candidate = Aggregates.Classifier(100, seed: 12);
        var baseline = Aggregates.Classifier(100, seed: 13);

        var gate = Single(GateMetric.InvalidOutputs, 0.002, candidate, baseline);

        Assert.Equal(0, gate.Estimate);
        Assert.True(gate.Upper > 0.002, "a hundred clean answers cannot show the rate is below 0.2%");
        Assert.True(gate.Lower < 0);
        Assert.Equal(GateOutcome.Inconclusive, gate.Outcome);
    }

    [Theory]
    [InlineData(GateMetric.ErrorRate)]
    [InlineData(GateMetric.LatencyP95)]
    [InlineData(GateMetric.Drift)]
    public void Evaluate_FewCandidateSamples_Inconclusive(GateMetric metric)
    {
        var candidate = Aggregates.Classifier(20, errors: 10, sigma: 2, classShares: [0, 0, 1], seed: 12);

        Assert.Equal(GateOutcome.Inconclusive, Single(metric, metric == GateMetric.LatencyP95 ? 1.25 : 0.01, candidate, Baseline).Outcome);
    }

    [Theory]
    [InlineData(GateMetric.Agreement, 0.95)]
    [InlineData(GateMetric.Accuracy, 0.02)]
    public void Evaluate_NoMirroredPairsOrLabels_Inconclusive(GateMetric metric, double threshold) =>
        Assert.Equal(GateOutcome.Inconclusive, Single(metric, threshold, Aggregates.Classifier(5_000), Baseline).Outcome);

    [Theory]
    [InlineData(990, GateOutcome.Pass)]
    [InlineData(850, GateOutcome.Fail)]
    public void Evaluate_Agreement_PassesAboveFloorFailsBelow(long agreements, GateOutcome expected)
    {
        var candidate = Aggregates.Classifier(5_000, agreement: new AgreementSummary(1_000, agreements, 90, 3_000));

        var gate = Single(GateMetric.Agreement, 0.95, candidate, Baseline);

        Assert.Equal(expected, gate.Outcome);
        Assert.True(double.IsNaN(gate.Baseline));
        Assert.Contains("mean absolute difference 0.03", gate.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(4_500, GateOutcome.Pass)]
    [InlineData(4_000, GateOutcome.Fail)]
    public void Evaluate_Accuracy_ComparesCorrectShares(long candidateCorrect, GateOutcome expected)
    {
        var candidate = Aggregates.Classifier(5_000, feedback: new FeedbackSummary(5_000, candidateCorrect, 0));
        var baseline = Aggregates.Classifier(5_000, feedback: new FeedbackSummary(5_000, 4_500, 0));

        Assert.Equal(expected, Single(GateMetric.Accuracy, 0.02, candidate, baseline).Outcome);
    }

    [Fact]
    public void Evaluate_DefaultPolicy_OneResultPerGateInOrder()
    {
        var results = GateEvaluator.Evaluate(RolloutPolicyRules.Default, Aggregates.Classifier(1_000), Baseline);

        Assert.Equal(RolloutPolicyRules.Default.Gates.Select(g => g.Metric), results.Select(r => r.Metric));
    }

    /// <summary>
    /// A good candidate looked at every interval, 40 times, in 200 rollouts, with no indifference zone (fail as soon as
    /// the interval shows it any worse): its error gate must fail in at most Alpha of the runs.
    /// </summary>
    [Fact]
    public void Evaluate_GoodCandidateAtEveryLook_FailsInAtMostAlphaOfRuns()
    {
        var policy = RolloutPolicyRules.Default with { Gates = [new RolloutGate(GateMetric.ErrorRate, 0.01)] };
        var strict = new GateTest(NormalMixtureBound.Instance, FailMargin: 0, SplitAlpha: true);
        var random = new Random(5);
        var failedRuns = 0;
        for (var run = 0; run < 200; run++)
        {
            long candidateErrors = 0, baselineErrors = 0;
            for (var look = 1; look <= 40; look++)
            {
                for (var i = 0; i < 250; i++)
                {
                    candidateErrors += random.NextDouble() < 0.02 ? 1 : 0;
                    baselineErrors += random.NextDouble() < 0.02 ? 1 : 0;
                }

                var gate = GateEvaluator.Evaluate(policy, Errors(look * 250, candidateErrors), Errors(look * 250, baselineErrors), strict)[0];
                if (gate.Outcome == GateOutcome.Fail)
                {
                    failedRuns++;
                    break;
                }
            }
        }

        Assert.InRange(failedRuns / 200.0, 0, policy.Alpha);
    }

    private static VersionAggregate Errors(long requests, long errors) => VersionAggregate.Empty with { Requests = requests, ModelFailures = errors };

    private static GateResult Single(GateMetric metric, double threshold, VersionAggregate candidate, VersionAggregate baseline) =>
        GateEvaluator.Evaluate(RolloutPolicyRules.Default with { Gates = [new RolloutGate(metric, threshold)] }, candidate, baseline)[0];
}

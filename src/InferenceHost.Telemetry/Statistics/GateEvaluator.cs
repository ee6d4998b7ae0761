using InferenceHost.Abstractions.Rollouts;
using InferenceHost.Abstractions.Telemetry;

namespace InferenceHost.Telemetry.Statistics;

/// <summary>
/// Compares a candidate with its baseline, gate by gate, with intervals that stay valid however often
/// they are evaluated. A gate passes when its interval shows the candidate within the threshold, fails
/// when it shows the candidate worse than the baseline by more than the indifference zone allows (see
/// <see cref="GateTest.FailMargin"/>), and is inconclusive otherwise or with under 30 samples.
/// </summary>
/// <remarks>
/// The two ends of each reported interval are at different levels, each the level of the decision it
/// drives: the end that proves the candidate good at the policy's Beta (a false promotion), the end that
/// proves it bad at Alpha divided over the gates (a false rollback of any gate stays below Alpha).
/// Whichever end that is, it is reported as <see cref="GateResult.Lower"/> or <see cref="GateResult.Upper"/>
/// as the gate's estimate reads (agreement: Lower proves good; the others: Upper does).
/// </remarks>
public static class GateEvaluator
{
    /// <summary>One result per policy gate, in the policy's order, with the host's always-valid test.</summary>
    public static IReadOnlyList<GateResult> Evaluate(RolloutPolicy policy, VersionAggregate candidate, VersionAggregate baseline) =>
        Evaluate(policy, candidate, baseline, GateTest.AlwaysValid);

    /// <summary>One result per policy gate, in the policy's order, with <paramref name="test"/>.</summary>
    public static IReadOnlyList<GateResult> Evaluate(RolloutPolicy policy, VersionAggregate candidate, VersionAggregate baseline, GateTest test)
    {
        var failLevel = test.SplitAlpha ? policy.Alpha / Math.Max(1, policy.Gates.Count) : policy.Alpha;
        var results = new GateResult[policy.Gates.Count];
        for (var i = 0; i < results.Length; i++)
        {
            var gate = policy.Gates[i];
            var context = new GateContext(gate.Metric, gate.Threshold, policy.Beta, failLevel, test);
            results[i] = Evaluate(context, candidate, baseline);
        }

        return results;
    }

    private static GateResult Evaluate(GateContext context, VersionAggregate candidate, VersionAggregate baseline) => context.Metric switch
    {
        GateMetric.ErrorRate => RateGates.ErrorRate(context, candidate, baseline),
        GateMetric.InvalidOutputs => RateGates.InvalidOutputs(context, candidate, baseline),
        GateMetric.Accuracy => RateGates.Accuracy(context, candidate, baseline),
        GateMetric.LatencyP50 => LatencyGate.Evaluate(context, 0.50, candidate, baseline),
        GateMetric.LatencyP95 => LatencyGate.Evaluate(context, 0.95, candidate, baseline),
        GateMetric.LatencyP99 => LatencyGate.Evaluate(context, 0.99, candidate, baseline),
        GateMetric.Drift => DriftGate.Evaluate(context, candidate.Outputs, baseline.Outputs),
        GateMetric.Agreement => AgreementGate.Evaluate(context, candidate),
        _ => throw new ArgumentOutOfRangeException(nameof(context), context.Metric, "unknown gate metric"),
    };
}

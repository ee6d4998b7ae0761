using InferenceHost.RolloutBenchmarks.Contenders;
using InferenceHost.RolloutBenchmarks.Simulation;

namespace InferenceHost.RolloutBenchmarks.Reporting;

/// <summary>One (scenario, policy) cell: how its runs ended, summarised.</summary>
internal sealed record CellSummary(Scenario Scenario, string Policy, IReadOnlyList<RunOutcome> Runs)
{
    public double Share(RolloutDecisionKind decision) => (double)Runs.Count(r => r.Decision == decision) / Runs.Count;

    /// <summary>Promoting a bad candidate, or rolling back the good one.</summary>
    public double WrongShare => Share(Scenario.IsBad ? RolloutDecisionKind.Promoted : RolloutDecisionKind.RolledBack);

    /// <summary>The decision a perfect policy makes here.</summary>
    public RolloutDecisionKind Right => Scenario.IsBad ? RolloutDecisionKind.RolledBack : RolloutDecisionKind.Promoted;

    /// <summary>Seconds to a decision (either), over the runs that decided; NaN when none did.</summary>
    public double DecisionSeconds(double quantile) => Quantile([.. Runs.Where(r => r.Decision != RolloutDecisionKind.Undecided).Select(r => r.Seconds)], quantile);

    /// <summary>Users the candidate served in the runs that rolled back: mean and max; NaN when none rolled back.</summary>
    public (double Mean, double Max) ServedBeforeRollback
    {
        get
        {
            var served = Runs.Where(r => r.Decision == RolloutDecisionKind.RolledBack).Select(r => (double)r.CandidateServed).ToList();
            return served.Count == 0 ? (double.NaN, double.NaN) : (served.Average(), served.Max());
        }
    }

    /// <summary>Nearest rank.</summary>
    private static double Quantile(double[] values, double quantile)
    {
        if (values.Length == 0)
        {
            return double.NaN;
        }

        Array.Sort(values);
        return values[Math.Max(0, (int)Math.Ceiling(quantile * values.Length) - 1)];
    }
}

using InferenceHost.RolloutBenchmarks.Contenders;

namespace InferenceHost.RolloutBenchmarks.Reporting;

/// <summary>The targets, checked on one policy's cells.</summary>
internal static class Targets
{
    private const double MaxWrongShare = 0.05;
    private const double MaxPromotionSeconds = 600;
    private const double MaxServedBeforeRollback = 100;

    public static IEnumerable<(bool Met, string Text)> Check(IReadOnlyList<CellSummary> cells)
    {
        foreach (var cell in cells)
        {
            var wrong = cell.Scenario.IsBad ? "false promotion" : "false rollback";
            yield return (cell.WrongShare <= MaxWrongShare, $"{cell.Scenario.Name}: {wrong} {MarkdownReport.Percent(cell.WrongShare)} (at most 5%)");
            if (cell.Scenario.IsBad)
            {
                var (mean, max) = cell.ServedBeforeRollback;
                var met = double.IsNaN(max) || max <= MaxServedBeforeRollback;
                yield return (met, $"{cell.Scenario.Name}: at most {MarkdownReport.Count(max)} users served by the candidate before a rollback, mean {MarkdownReport.Count(mean)} (at most 100; 0 when caught in shadow)");
            }
            else
            {
                var p95 = cell.DecisionSeconds(0.95);
                var promoted = cell.Share(RolloutDecisionKind.Promoted);
                yield return (p95 <= MaxPromotionSeconds && promoted >= 1 - MaxWrongShare, $"{cell.Scenario.Name}: promoted in {MarkdownReport.Minutes(cell.DecisionSeconds(0.5))} median, {MarkdownReport.Minutes(p95)} p95 (within 10 minutes)");
            }
        }
    }
}

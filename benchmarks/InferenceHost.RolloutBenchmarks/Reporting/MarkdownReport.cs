using System.Globalization;
using System.Text;
using InferenceHost.RolloutBenchmarks.Contenders;

namespace InferenceHost.RolloutBenchmarks.Reporting;

/// <summary>The results as markdown: the table, then each target of the issue checked against the host's default policy.</summary>
internal static class MarkdownReport
{
    public static string Render(IReadOnlyList<CellSummary> cells, string ours, BenchmarkOptions options, TimeSpan elapsed)
    {
        var text = new StringBuilder();
        Line(text, "# Rollout decision quality");
        Line(text);
        Line(text, $"Generated {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC by `dotnet run -c Release --project benchmarks/InferenceHost.RolloutBenchmarks` " +
            $"({options.Seeds} runs per cell, {options.RequestsPerSecond} req/s, evaluation every {options.Interval.TotalSeconds:0} s, at most {options.Limit.TotalMinutes:0} simulated minutes per run; " +
            $"{Environment.ProcessorCount} CPUs, {elapsed.TotalSeconds:0.0} s wall). See [README.md](README.md#rollout-decision-quality) for what is simulated.");
        Line(text);
        Line(text, "| scenario | policy | promoted | rolled back | undecided | wrong | time to decision, median / p95 | users served by the candidate before rollback, mean / max |");
        Line(text, "|---|---|---:|---:|---:|---:|---:|---:|");
        foreach (var cell in cells)
        {
            var (mean, max) = cell.ServedBeforeRollback;
            Line(text, $"| {cell.Scenario.Name} | {cell.Policy} | {Percent(cell.Share(RolloutDecisionKind.Promoted))} | {Percent(cell.Share(RolloutDecisionKind.RolledBack))} | {Percent(cell.Share(RolloutDecisionKind.Undecided))} | " +
                $"**{Percent(cell.WrongShare)}** | {Minutes(cell.DecisionSeconds(0.5))} / {Minutes(cell.DecisionSeconds(0.95))} | {Count(mean)} / {Count(max)} |");
        }

        Line(text);
        Line(text, $"## Targets ({ours})");
        Line(text);
        foreach (var target in Targets.Check(cells.Where(c => c.Policy == ours).ToList()))
        {
            Line(text, $"- {(target.Met ? "met" : "**not met**")}: {target.Text}");
        }

        return text.ToString();
    }

    public static string Percent(double share) => string.Create(CultureInfo.InvariantCulture, $"{share * 100:0.#}%");

    public static string Minutes(double seconds) => double.IsNaN(seconds) ? "–" : string.Create(CultureInfo.InvariantCulture, $"{seconds / 60:0.0} min");

    public static string Count(double value) => double.IsNaN(value) ? "–" : string.Create(CultureInfo.InvariantCulture, $"{value:0.#}");

    private static void Line(StringBuilder text, string line = "") => text.Append(line).Append('\n');
}

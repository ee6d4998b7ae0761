using InferenceHost.Cli.Admin;
using InferenceHost.Cli.Output;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace InferenceHost.Cli.Watch;

/// <summary>
/// One frame of <c>rollout watch</c>: where the rollout stands, the deployment's weights as bars, the gates of
/// the latest evaluation and the recent decisions. The same frame is redrawn live on a terminal and printed
/// whole into a log; text from the server is never read as Spectre markup.
/// </summary>
internal static class WatchFrame
{
    /// <summary>Enough decisions to see how the rollout got here; <c>rollout history</c> has them all.</summary>
    private const int RecentDecisions = 8;

    /// <summary>The length of a 100% bar: long enough to tell 5% from 10%, short enough for an 80-column terminal.</summary>
    private const int BarCells = 40;

    private static readonly Dictionary<string, Color> SlotColours = new(StringComparer.Ordinal)
    {
        [SlotNames.Blue] = Color.Blue,
        [SlotNames.Green] = Color.Green,
        [SlotNames.Canary] = Color.Yellow,
        [SlotNames.Shadow] = Color.Grey,
    };

    public static IRenderable Render(RolloutSnapshot snapshot)
    {
        var rollout = snapshot.Rollout;
        var latest = rollout.Latest;
        return new Rows(
            Heading($"rollout #{Numbers.Whole(rollout.Number)} of {rollout.Model}: version {rollout.Candidate} against {rollout.Baseline}"),
            Summary(rollout),
            Heading($"weights (deployment revision {Numbers.Whole(snapshot.Deployment.Revision)})"),
            Weights(snapshot.Deployment),
            Heading("latest evaluation"),
            new Text(RolloutPrinter.Decision(latest)),
            new Text(RolloutPrinter.Requests(latest.Evidence)),
            Gates(rollout),
            Heading("recent decisions"),
            Decisions(snapshot.Actions.TakeLast(RecentDecisions)));
    }

    private static Rule Heading(string title) => new Rule(Markup.Escape(title)).LeftJustified();

    private static Grid Summary(RolloutView rollout) =>
        new Grid().AddColumn().AddColumn()
            .AddRow(new Text("phase"), new Text(RolloutPrinter.Progress(rollout), new Style(PhaseColour(rollout.Phase), decoration: Decoration.Bold)))
            .AddRow(new Text("started"), new Text($"{Timestamps.Format(rollout.StartedAt)} by {rollout.StartedBy}"))
            .AddRow(new Text("ended"), new Text(rollout.EndedAt is { } ended ? Timestamps.Format(ended) : "running"));

    /// <summary>One row a slot: its version, its mark, its percent and a bar of that length.</summary>
    private static Grid Weights(DeploymentView deployment)
    {
        var shadow = deployment.Shadow;
        (string Slot, string Version, int Percent, string Mark)[] bars =
        [
            .. SlotNames.Serving.Select(slot => deployment.Slots[slot] is { } assigned
                ? (slot, assigned.Version, assigned.Weight, DeploymentPrinter.Mark(deployment, slot))
                : (slot, Numbers.None, 0, "")),
            shadow is null ? (SlotNames.Shadow, Numbers.None, 0, "") : (SlotNames.Shadow, shadow.Version, shadow.Percent, "mirrored"),
        ];

        // A grid rather than Spectre's bar chart: that one right-aligns its labels, so slots and versions would not line up.
        var grid = new Grid().AddColumns(new GridColumn(), new GridColumn(), new GridColumn(), new GridColumn().RightAligned(), new GridColumn());
        foreach (var bar in bars)
        {
            grid.AddRow(
                new Text(bar.Slot),
                new Text(bar.Version),
                new Text(bar.Mark),
                new Text($"{Numbers.Whole(bar.Percent)}%"),
                new Text(new string('█', bar.Percent * BarCells / 100), new Style(SlotColours[bar.Slot])));
        }

        return grid;
    }

    private static IRenderable Gates(RolloutView rollout)
    {
        var gates = rollout.Latest.Evidence.Gates;
        if (gates.Count == 0)
        {
            return new Text(rollout.Policy.Gates.Count == 0 ? "no gates: the policy promotes on time and request counts alone" : "no gate results yet");
        }

        var table = new Table().Border(TableBorder.Simple).AddColumns("GATE", "ESTIMATE", "INTERVAL", "THRESHOLD", "OUTCOME", "SAMPLES");
        foreach (var gate in gates)
        {
            table.AddRow(
                new Text(gate.Metric),
                new Text(Numbers.Decimal(gate.Estimate)),
                new Text($"[{Numbers.Decimal(gate.Lower)}, {Numbers.Decimal(gate.Upper)}]"),
                new Text(Numbers.Decimal(gate.Threshold)),
                new Text(gate.Outcome, new Style(OutcomeColour(gate.Outcome))),
                new Text(Numbers.Whole(gate.Samples)));
        }

        return table;
    }

    private static Table Decisions(IEnumerable<DecisionView> decisions)
    {
        var table = new Table().Border(TableBorder.Simple).AddColumns("TIME", "ACTION", "PHASE", "WEIGHT", "BY", "REASON");
        foreach (var decision in decisions)
        {
            table.AddRow(
                new Text(Timestamps.Format(decision.At)),
                new Text(decision.Action),
                new Text(decision.Phase),
                new Text($"{Numbers.Whole(decision.CanaryWeight)}%"),
                new Text(decision.Actor),
                new Text(decision.Reason));
        }

        return table;
    }

    private static Color PhaseColour(string phase) => phase switch
    {
        RolloutPhases.Promoted => Color.Green,
        RolloutPhases.RolledBack => Color.Red,
        RolloutPhases.Aborted => Color.Yellow,
        _ => Color.Default,
    };

    private static Color OutcomeColour(string outcome) => outcome switch
    {
        "pass" => Color.Green,
        "fail" => Color.Red,
        "inconclusive" => Color.Yellow,
        _ => Color.Default,
    };
}

using InferenceHost.Cli.Admin;

namespace InferenceHost.Cli.Output;

/// <summary>Rollouts as the <c>rollout</c> commands print them: a status, a list, decisions and their gates (which <c>compare</c> prints too).</summary>
internal static class RolloutPrinter
{
    public static void WriteStatus(RolloutView rollout, TextWriter output)
    {
        var latest = rollout.Latest;
        TextTable.Untitled(2)
            .AddRow("model", rollout.Model)
            .AddRow("rollout", $"#{Numbers.Whole(rollout.Number)}: version {rollout.Candidate} against {rollout.Baseline}")
            .AddRow("phase", rollout.Paused ? $"{rollout.Phase} (paused)" : rollout.Phase)
            .AddRow("canary weight", $"{Numbers.Whole(rollout.CanaryWeight)}%")
            .AddRow("step", Step(rollout))
            .AddRow("started", $"{Timestamps.Format(rollout.StartedAt)} by {rollout.StartedBy}")
            .AddRow("phase started", Timestamps.Format(rollout.PhaseStartedAt))
            .AddRow("ended", rollout.EndedAt is { } ended ? Timestamps.Format(ended) : "running")
            .AddRow("latest", $"#{Numbers.Whole(latest.Sequence)} {latest.Action} at {Timestamps.Format(latest.At)} by {latest.Actor}: {latest.Reason}")
            .WriteTo(output);
        output.WriteLine();
        WriteEvidence(latest.Evidence, output);
    }

    public static void WriteList(RolloutList list, TextWriter output)
    {
        var table = new TextTable("NUMBER", "CANDIDATE", "BASELINE", "PHASE", "WEIGHT", "STARTED", "ENDED", "BY");
        foreach (var rollout in list.Rollouts)
        {
            table.AddRow(
                Numbers.Whole(rollout.Number),
                rollout.Candidate,
                rollout.Baseline,
                rollout.Paused ? $"{rollout.Phase} (paused)" : rollout.Phase,
                $"{Numbers.Whole(rollout.CanaryWeight)}%",
                Timestamps.Format(rollout.StartedAt),
                rollout.EndedAt is { } ended ? Timestamps.Format(ended) : Numbers.None,
                rollout.StartedBy);
        }

        table.WriteTo(output);
    }

    /// <summary>One row per decision; with <paramref name="evidence"/>, each decision's numbers and gates after the table.</summary>
    public static void WriteDecisions(DecisionList list, TextWriter output, bool evidence)
    {
        var table = new TextTable("SEQ", "TIME", "ACTION", "PHASE", "WEIGHT", "ACTOR", "REASON");
        foreach (var decision in list.Decisions)
        {
            table.AddRow(
                Numbers.Whole(decision.Sequence),
                Timestamps.Format(decision.At),
                decision.Action,
                decision.Phase,
                $"{Numbers.Whole(decision.CanaryWeight)}%",
                decision.Actor,
                decision.Reason);
        }

        table.WriteTo(output);
        if (!evidence)
        {
            return;
        }

        foreach (var decision in list.Decisions)
        {
            output.WriteLine();
            output.WriteLine($"decision {Numbers.Whole(decision.Sequence)} ({decision.Action}):");
            WriteEvidence(decision.Evidence, output);
        }
    }

    /// <summary>One row per gate: its threshold, outcome, both versions' values and the estimate with its interval.</summary>
    public static void WriteGates(IReadOnlyList<GateView> gates, TextWriter output)
    {
        var table = new TextTable("GATE", "THRESHOLD", "OUTCOME", "CANDIDATE", "BASELINE", "ESTIMATE", "INTERVAL", "SAMPLES", "DETAIL");
        foreach (var gate in gates)
        {
            table.AddRow(
                gate.Metric,
                Numbers.Decimal(gate.Threshold),
                gate.Outcome,
                Numbers.Decimal(gate.Candidate),
                Numbers.Decimal(gate.Baseline),
                Numbers.Decimal(gate.Estimate),
                $"[{Numbers.Decimal(gate.Lower)}, {Numbers.Decimal(gate.Upper)}]",
                Numbers.Whole(gate.Samples),
                gate.Detail);
        }

        table.WriteTo(output);
    }

    private static void WriteEvidence(EvidenceView evidence, TextWriter output)
    {
        output.WriteLine(
            $"requests: candidate {Numbers.Whole(evidence.CandidateRequests)}, baseline {Numbers.Whole(evidence.BaselineRequests)}, "
            + $"this phase {Numbers.Whole(evidence.PhaseRequests)}");
        if (evidence.Gates.Count > 0)
        {
            WriteGates(evidence.Gates, output);
        }
    }

    private static string Step(RolloutView rollout) =>
        rollout.Step < 0 || rollout.Step >= rollout.Policy.Steps.Count
            ? Numbers.None
            : $"{Numbers.Whole(rollout.Step + 1)} of {Numbers.Whole(rollout.Policy.Steps.Count)} ({Numbers.Whole(rollout.Policy.Steps[rollout.Step])}%)";
}

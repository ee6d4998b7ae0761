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
            .AddRow("phase", Phase(rollout))
            .AddRow("canary weight", $"{Numbers.Whole(rollout.CanaryWeight)}%")
            .AddRow("step", Step(rollout))
            .AddRow("started", $"{Timestamps.Format(rollout.StartedAt)} by {rollout.StartedBy}")
            .AddRow("phase started", Timestamps.Format(rollout.PhaseStartedAt))
            .AddRow("ended", rollout.EndedAt is { } ended ? Timestamps.Format(ended) : "running")
            .AddRow("latest", Decision(latest))
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
                Phase(rollout),
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

    /// <summary>The phase, and whether an operator or the policy paused it.</summary>
    public static string Phase(RolloutView rollout) => rollout.Paused ? $"{rollout.Phase} (paused)" : rollout.Phase;

    /// <summary>The phase with the canary's step where it has one, e.g. <c>canary, step 2 of 3 (50%)</c>.</summary>
    public static string Progress(RolloutView rollout) =>
        rollout.Phase == RolloutPhases.Canary ? $"{Phase(rollout)}, step {Step(rollout)}" : Phase(rollout);

    /// <summary>A decision as one line: <c>#12 step at 2025-01-01 10:00:00Z by rollout: why</c>.</summary>
    public static string Decision(DecisionView decision) =>
        $"#{Numbers.Whole(decision.Sequence)} {decision.Action} at {Timestamps.Format(decision.At)} by {decision.Actor}: {decision.Reason}";

    /// <summary>The canary step as <c>2 of 3 (50%)</c>, or a dash outside the canary phase.</summary>
    public static string Step(RolloutView rollout) =>
        rollout.Step < 0 || rollout.Step >= rollout.Policy.Steps.Count
            ? Numbers.None
            : $"{Numbers.Whole(rollout.Step + 1)} of {Numbers.Whole(rollout.Policy.Steps.Count)} ({Numbers.Whole(rollout.Policy.Steps[rollout.Step])}%)";

    /// <summary>The request counts a decision was made on, as one line.</summary>
    public static string Requests(EvidenceView evidence) =>
        $"requests: candidate {Numbers.Whole(evidence.CandidateRequests)}, baseline {Numbers.Whole(evidence.BaselineRequests)}, "
        + $"this phase {Numbers.Whole(evidence.PhaseRequests)}";

    private static void WriteEvidence(EvidenceView evidence, TextWriter output)
    {
        output.WriteLine(Requests(evidence));
        if (evidence.Gates.Count > 0)
        {
            WriteGates(evidence.Gates, output);
        }
    }
}

using InferenceHost.Cli.Admin;

namespace InferenceHost.Cli.Output;

/// <summary>A rollout policy as <c>policy get</c> and <c>policy set</c> print it: its settings, then its gates.</summary>
internal static class PolicyPrinter
{
    public static void Write(PolicyView policy, TextWriter output)
    {
        TextTable.Untitled(2)
            .AddRow("mode", policy.Mode)
            .AddRow("shadow", $"{Numbers.Whole(policy.ShadowPercent)}% of requests mirrored before the candidate serves")
            .AddRow("steps", string.Join(" → ", policy.Steps.Select(step => $"{Numbers.Whole(step)}%")))
            .AddRow("each step", $"at least {policy.StepInterval} and {Numbers.Whole(policy.StepMinRequests)} candidate requests")
            .AddRow("evaluated every", policy.EvaluationInterval)
            .AddRow("max duration", policy.MaxDuration)
            .AddRow("alpha / beta", $"{Numbers.Decimal(policy.Alpha)} / {Numbers.Decimal(policy.Beta)}")
            .WriteTo(output);
        output.WriteLine();

        var gates = new TextTable("GATE", "THRESHOLD");
        foreach (var gate in policy.Gates)
        {
            gates.AddRow(gate.Metric, Numbers.Decimal(gate.Threshold));
        }

        if (policy.Gates.Count == 0)
        {
            gates.AddRow("(none)", "promotes on time and request counts alone");
        }

        gates.WriteTo(output);
    }
}

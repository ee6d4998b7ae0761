using InferenceHost.Cli.Admin;
using InferenceHost.Cli.Watch;

namespace InferenceHost.Cli.Tests;

/// <summary>What <c>rollout watch</c> prints where output is not a terminal: whole frames, one per milestone. No host is needed.</summary>
public sealed class PlainScreenTests
{
    private static readonly DateTimeOffset Start = new(2025, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private static readonly PolicyView Policy = new(
        "canary", 100, [25, 50, 100], "1m", 100, "5s", "1h", 0.05, 0.05, [new PolicyGate("error_rate", 0.01), new PolicyGate("drift", 0.1)]);

    [Fact]
    public async Task Show_ACanaryStep_PrintsPhaseWeightBarsGatesAndDecisions()
    {
        var frame = await PrintAsync(Snapshot(step: 1, weight: 50, gateEstimate: 0.002));

        Assert.StartsWith("── rollout #7 of iris-mlp: version 3 against 2 ──", frame, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^\s*phase\s+canary, step 2 of 3 \(50%\)$", frame);
        Assert.Matches(@"(?m)^\s*started\s+2025-06-01 12:00:00Z by ops$", frame);
        Assert.Matches(@"(?m)^\s*ended\s+running$", frame);
        Assert.Contains("── weights (deployment revision 12) ", frame, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^blue    2  active     50%  █{20}$", frame);
        Assert.Matches(@"(?m)^green   -              0%$", frame);
        Assert.Matches(@"(?m)^canary  3             50%  █{20}$", frame);
        Assert.Matches(@"(?m)^shadow  3  mirrored  100%  █{40}$", frame);
        Assert.Contains("#9 wait at 2025-06-01 12:03:00Z by rollout: step 2 of 3: waiting for [time: held 30s of 1m]", frame, StringComparison.Ordinal);
        Assert.Contains("requests: candidate 400, baseline 800, this phase 150", frame, StringComparison.Ordinal);
        CliAssert.HasRow(frame, "GATE", "ESTIMATE", "INTERVAL", "THRESHOLD", "OUTCOME", "SAMPLES");
        CliAssert.HasRow(frame, "error_rate", "0.002", "[-0.001, 0.005]", "0.01", "pass", "400");
        CliAssert.HasRow(frame, "drift", "-", "[-, -]", "0.1", "inconclusive", "0");
        CliAssert.HasRow(frame, "TIME", "ACTION", "PHASE", "WEIGHT", "BY", "REASON");
        CliAssert.HasRow(frame, "2025-06-01 12:00:00Z", "start", "shadow", "0%", "ops", "started");
        CliAssert.HasRow(frame, "2025-06-01 12:02:00Z", "step", "canary", "50%", "rollout", "gates pass at 25%: canary at 50%");
        Assert.DoesNotContain(" \n", frame, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_SameMilestoneWithNewGateNumbers_PrintsOneFrame()
    {
        var output = await PrintAsync(Snapshot(step: 1, weight: 50, gateEstimate: 0.002), Snapshot(step: 1, weight: 50, gateEstimate: 0.003));

        Assert.Single(Headings(output));
        Assert.Contains("0.002", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_NextStep_PrintsAnotherFrame()
    {
        var output = await PrintAsync(Snapshot(step: 0, weight: 25, gateEstimate: 0.002), Snapshot(step: 1, weight: 50, gateEstimate: 0.002));

        Assert.Equal(2, Headings(output).Count);
        Assert.Matches(@"(?m)^\s*phase\s+canary, step 1 of 3 \(25%\)$", output);
        Assert.Matches(@"(?m)^\s*phase\s+canary, step 2 of 3 \(50%\)$", output);
    }

    [Fact]
    public async Task Show_ReasonInBrackets_IsPrintedAsItIsNotReadAsMarkup()
    {
        var snapshot = Snapshot(step: 1, weight: 50, gateEstimate: 0.002);
        var odd = snapshot with { Rollout = snapshot.Rollout with { Latest = snapshot.Rollout.Latest with { Reason = "[red]not markup[/] [" } } };

        Assert.Contains("by rollout: [red]not markup[/] [", await PrintAsync(odd), StringComparison.Ordinal);
    }

    private static async Task<string> PrintAsync(params RolloutSnapshot[] snapshots)
    {
        using var output = new StringWriter();
        await new PlainScreen(output).RunAsync(show =>
        {
            foreach (var snapshot in snapshots)
            {
                show(snapshot);
            }

            return Task.FromResult(snapshots.Length);
        });
        return output.ToString();
    }

    private static List<string> Headings(string output) =>
        [.. output.Split(Environment.NewLine).Where(line => line.StartsWith("── rollout #", StringComparison.Ordinal))];

    /// <summary>Rollout 7 of iris-mlp, version 3 against 2, at canary step <paramref name="step"/> (0-based) and <paramref name="weight"/>.</summary>
    private static RolloutSnapshot Snapshot(int step, int weight, double gateEstimate)
    {
        var evidence = new EvidenceView(400, 800, 150,
        [
            new GateView("error_rate", 0.01, "pass", 0.003, 0.001, gateEstimate, -0.001, 0.005, 400, "candidate 0.3% against 0.1%"),
            new GateView("drift", 0.1, "inconclusive", null, null, null, null, null, 0, "no class shares yet"),
        ]);
        var latest = new DecisionView(9, Start.AddMinutes(3), "wait", "rollout", "canary", weight, "step 2 of 3: waiting for [time: held 30s of 1m]", evidence);
        var rollout = new RolloutView(
            "iris-mlp", 7, "3", "2", RolloutPhases.Canary, step, weight, false, Start, Start.AddMinutes(2), null, "ops", Policy, latest);
        var deployment = new DeploymentView(
            "iris-mlp", 12, Start.AddMinutes(2), "rollout 7 (rollout)", SlotNames.Blue, SlotNames.Green,
            new SlotSet(new SlotAssignment("2", 100 - weight), null, new SlotAssignment("3", weight)), new ShadowAssignment("3", 100));
        DecisionView[] actions =
        [
            new(1, Start, "start", "ops", RolloutPhases.Shadow, 0, "started", evidence),
            new(5, Start.AddMinutes(2), "step", "rollout", RolloutPhases.Canary, weight, "gates pass at 25%: canary at 50%", evidence),
        ];
        return new RolloutSnapshot(rollout, deployment, actions);
    }
}

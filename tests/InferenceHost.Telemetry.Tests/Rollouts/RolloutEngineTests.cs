using InferenceHost.Abstractions.Rollouts;
using InferenceHost.Abstractions.Telemetry;
using InferenceHost.Telemetry.Rollouts;
using InferenceHost.Telemetry.Tests.Statistics;

namespace InferenceHost.Telemetry.Tests.Rollouts;

public class RolloutEngineTests
{
    private static readonly RolloutPolicy Policy = RolloutPolicyRules.Default;
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly VersionAggregate Baseline = Aggregates.Classifier(20_000, errors: 100, seed: 11);
    private static readonly VersionAggregate Good = Aggregates.Classifier(20_000, errors: 100, seed: 12);
    private static readonly VersionAggregate Failing = Aggregates.Classifier(5_000, errors: 250, seed: 12);
    private static readonly VersionAggregate Scant = Aggregates.Classifier(10, seed: 12);

    [Fact]
    public void FirstPhase_ShadowPercent_StartsInShadow() =>
        Assert.Equal((RolloutPhase.Shadow, -1), RolloutEngine.FirstPhase(Policy));

    [Fact]
    public void FirstPhase_NoShadow_StartsAtFirstCanaryStep() =>
        Assert.Equal((RolloutPhase.Canary, 0), RolloutEngine.FirstPhase(Policy with { ShadowPercent = 0 }));

    [Theory]
    [InlineData(RolloutPhase.Shadow, -1, 0)]
    [InlineData(RolloutPhase.Canary, 0, 5)]
    [InlineData(RolloutPhase.Canary, 3, 50)]
    [InlineData(RolloutPhase.Promoted, 4, 100)]
    [InlineData(RolloutPhase.RolledBack, 2, 0)]
    [InlineData(RolloutPhase.Aborted, 2, 0)]
    public void WeightOf_Phase_IsCandidateShareOfUsers(RolloutPhase phase, int step, int weight) =>
        Assert.Equal(weight, RolloutEngine.WeightOf(Policy, phase, step));

    [Fact]
    public void Decide_ShadowHeldWithRequestsAndGatesPass_StepsToFirstCanaryStep()
    {
        var verdict = Decide(Policy, Shadow(held: TimeSpan.FromMinutes(1)), Good, phaseRequests: 3_000);

        Assert.Equal((RolloutAction.Step, RolloutPhase.Canary, 0, 5), (verdict.Action, verdict.Phase, verdict.Step, verdict.CanaryWeight));
        Assert.All(verdict.Evidence.Gates, g => Assert.Equal(GateOutcome.Pass, g.Outcome));
    }

    [Fact]
    public void Decide_BlueGreenShadowPasses_Promotes()
    {
        var verdict = Decide(Policy with { Mode = RolloutMode.BlueGreen }, Shadow(held: TimeSpan.FromMinutes(1)), Good, phaseRequests: 3_000);

        Assert.Equal((RolloutAction.Promote, RolloutPhase.Promoted, 100), (verdict.Action, verdict.Phase, verdict.CanaryWeight));
    }

    [Fact]
    public void Decide_CanaryMiddleStepPasses_StepsToNext()
    {
        var verdict = Decide(Policy, Canary(step: 1, held: TimeSpan.FromMinutes(2)), Good, phaseRequests: 500);

        Assert.Equal((RolloutAction.Step, RolloutPhase.Canary, 2, 25), (verdict.Action, verdict.Phase, verdict.Step, verdict.CanaryWeight));
    }

    [Fact]
    public void Decide_LastStepPasses_Promotes()
    {
        var verdict = Decide(Policy, Canary(step: 4, held: TimeSpan.FromMinutes(1)), Good, phaseRequests: 3_000);

        Assert.Equal((RolloutAction.Promote, RolloutPhase.Promoted, 100), (verdict.Action, verdict.Phase, verdict.CanaryWeight));
    }

    [Fact]
    public void Decide_StepIntervalNotReached_WaitsForTime()
    {
        var verdict = Decide(Policy, Canary(step: 1, held: TimeSpan.FromSeconds(30)), Good, phaseRequests: 3_000);

        Assert.Equal((RolloutAction.Wait, RolloutPhase.Canary, 1, 10), (verdict.Action, verdict.Phase, verdict.Step, verdict.CanaryWeight));
        Assert.Contains("time", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_StepMinRequestsNotReached_WaitsForRequests()
    {
        var verdict = Decide(Policy, Canary(step: 1, held: TimeSpan.FromMinutes(5)), Good, phaseRequests: 99);

        Assert.Equal(RolloutAction.Wait, verdict.Action);
        Assert.Contains("requests: 99 of 100", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_GatesInconclusive_WaitsNamingThem()
    {
        var verdict = Decide(Policy, Shadow(held: TimeSpan.FromMinutes(5)), Scant, phaseRequests: 3_000);

        Assert.Equal(RolloutAction.Wait, verdict.Action);
        Assert.Contains("inconclusive ErrorRate", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_GateFails_RollsBackNamingGateAndNumbers()
    {
        var verdict = Decide(Policy, Canary(step: 2, held: TimeSpan.FromSeconds(10)), Failing, phaseRequests: 10);

        Assert.Equal((RolloutAction.Rollback, RolloutPhase.RolledBack, 0), (verdict.Action, verdict.Phase, verdict.CanaryWeight));
        Assert.Contains("ErrorRate 0.045", verdict.Reason, StringComparison.Ordinal);
        Assert.Contains("candidate 0.05", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_GateFailsWhilePaused_StillRollsBack()
    {
        var verdict = Decide(Policy, Canary(step: 2, held: TimeSpan.FromMinutes(5)) with { Paused = true }, Failing, phaseRequests: 3_000);

        Assert.Equal(RolloutAction.Rollback, verdict.Action);
    }

    [Fact]
    public void Decide_PausedAndPassing_Waits()
    {
        var verdict = Decide(Policy, Canary(step: 2, held: TimeSpan.FromMinutes(5)) with { Paused = true }, Good, phaseRequests: 3_000);

        Assert.Equal((RolloutAction.Wait, RolloutPhase.Canary, 2, 25), (verdict.Action, verdict.Phase, verdict.Step, verdict.CanaryWeight));
        Assert.Equal("paused by an operator", verdict.Reason);
    }

    [Fact]
    public void Decide_PastMaxDurationStillInconclusive_PausesNamingTheGates()
    {
        var progress = new RolloutProgress(RolloutPhase.Shadow, -1, false, Start, Start);

        var verdict = RolloutEngine.Decide(Policy, progress, new RolloutObservation(Scant, Baseline, 3_000), Start + Policy.MaxDuration + TimeSpan.FromSeconds(10));

        Assert.Equal((RolloutAction.Pause, RolloutPhase.Shadow, 0), (verdict.Action, verdict.Phase, verdict.CanaryWeight));
        Assert.Contains("inconclusive ErrorRate", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_Always_GivesEvidence()
    {
        var verdict = Decide(Policy, Canary(step: 1, held: TimeSpan.FromSeconds(30)), Good, phaseRequests: 1_234);

        Assert.Equal(new RolloutEvidence(Good.Requests, Baseline.Requests, 1_234, verdict.Evidence.Gates), verdict.Evidence);
        Assert.Equal(Policy.Gates.Count, verdict.Evidence.Gates.Count);
    }

    [Fact]
    public void Decide_FinishedRollout_Throws() =>
        Assert.Throws<ArgumentException>(() => Decide(Policy, Canary(step: 4, held: TimeSpan.Zero) with { Phase = RolloutPhase.Promoted }, Good, 0));

    private static RolloutProgress Shadow(TimeSpan held) => new(RolloutPhase.Shadow, -1, false, Start, Start + TimeSpan.FromMinutes(10) - held);

    private static RolloutProgress Canary(int step, TimeSpan held) => new(RolloutPhase.Canary, step, false, Start, Start + TimeSpan.FromMinutes(10) - held);

    private static RolloutVerdict Decide(RolloutPolicy policy, RolloutProgress progress, VersionAggregate candidate, long phaseRequests) =>
        RolloutEngine.Decide(policy, progress, new RolloutObservation(candidate, Baseline, phaseRequests), Start + TimeSpan.FromMinutes(10));
}

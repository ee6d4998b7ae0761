using System.Globalization;
using InferenceHost.Abstractions.Rollouts;
using InferenceHost.Telemetry.Statistics;

namespace InferenceHost.Telemetry.Rollouts;

/// <summary>The rollout decision logic, pure: the rollout grain and the decision-quality benchmark run the same code.</summary>
public static class RolloutEngine
{
    /// <summary>Where a rollout under <paramref name="policy"/> starts: the shadow phase, or the first canary step.</summary>
    public static (RolloutPhase Phase, int Step) FirstPhase(RolloutPolicy policy) =>
        policy.ShadowPercent > 0 ? (RolloutPhase.Shadow, -1) : (RolloutPhase.Canary, 0);

    /// <summary>The candidate's share of users in a phase and step.</summary>
    public static int WeightOf(RolloutPolicy policy, RolloutPhase phase, int step) => phase switch
    {
        RolloutPhase.Canary => policy.Steps[step],
        RolloutPhase.Promoted => 100,
        RolloutPhase.Shadow or RolloutPhase.RolledBack or RolloutPhase.Aborted => 0,
        _ => throw new ArgumentOutOfRangeException(nameof(phase), phase, "unknown rollout phase"),
    };

    /// <summary>What to do now, with the host's always-valid gate test.</summary>
    public static RolloutVerdict Decide(RolloutPolicy policy, RolloutProgress progress, RolloutObservation observation, DateTimeOffset now) =>
        Decide(policy, progress, observation, now, GateTest.AlwaysValid);

    /// <summary>
    /// What to do now, with <paramref name="test"/>. In order: a failed gate rolls back (even when paused:
    /// safety does not wait for an operator); a paused rollout waits; the time held, the requests seen and
    /// every gate passing advance it; a rollout past its maximum duration that cannot advance pauses.
    /// </summary>
    public static RolloutVerdict Decide(RolloutPolicy policy, RolloutProgress progress, RolloutObservation observation, DateTimeOffset now, GateTest test)
    {
        if (progress.Phase is not (RolloutPhase.Shadow or RolloutPhase.Canary))
        {
            throw new ArgumentException($"a {progress.Phase} rollout is finished: there is nothing to decide", nameof(progress));
        }

        var gates = GateEvaluator.Evaluate(policy, observation.Candidate, observation.Baseline, test);
        var evidence = new RolloutEvidence(observation.Candidate.Requests, observation.Baseline.Requests, observation.PhaseRequests, gates);
        var failed = gates.Where(g => g.Outcome == GateOutcome.Fail).ToList();
        if (failed.Count > 0)
        {
            return new RolloutVerdict(RolloutAction.Rollback, RolloutPhase.RolledBack, progress.Step, 0, "rolled back: " + GateReasons.Describe(failed), evidence);
        }

        var weight = WeightOf(policy, progress.Phase, progress.Step);
        if (progress.Paused)
        {
            return new RolloutVerdict(RolloutAction.Wait, progress.Phase, progress.Step, weight, "paused by an operator", evidence);
        }

        var waitingFor = WaitingFor(policy, progress, observation, now, gates);
        if (waitingFor.Count == 0)
        {
            return Advance(policy, progress, evidence);
        }

        var elapsed = now - progress.StartedAt;
        return elapsed > policy.MaxDuration
            ? new RolloutVerdict(RolloutAction.Pause, progress.Phase, progress.Step, weight, string.Create(CultureInfo.InvariantCulture, $"undecided after {ElapsedText.Of(elapsed)} (maximum {ElapsedText.Of(policy.MaxDuration)}), still waiting for {string.Join("; ", waitingFor)}"), evidence)
            : new RolloutVerdict(RolloutAction.Wait, progress.Phase, progress.Step, weight, "waiting for " + string.Join("; ", waitingFor), evidence);
    }

    private static List<string> WaitingFor(RolloutPolicy policy, RolloutProgress progress, RolloutObservation observation, DateTimeOffset now, IReadOnlyList<GateResult> gates)
    {
        var waiting = new List<string>();
        var held = now - progress.PhaseStartedAt;
        if (held < policy.StepInterval)
        {
            waiting.Add(string.Create(CultureInfo.InvariantCulture, $"time: held {ElapsedText.Of(held)} of {ElapsedText.Of(policy.StepInterval)}"));
        }

        if (observation.PhaseRequests < policy.StepMinRequests)
        {
            waiting.Add(string.Create(CultureInfo.InvariantCulture, $"requests: {observation.PhaseRequests} of {policy.StepMinRequests} this step"));
        }

        var inconclusive = gates.Where(g => g.Outcome == GateOutcome.Inconclusive).ToList();
        if (inconclusive.Count > 0)
        {
            waiting.Add("inconclusive " + GateReasons.Describe(inconclusive));
        }

        return waiting;
    }

    private static RolloutVerdict Advance(RolloutPolicy policy, RolloutProgress progress, RolloutEvidence evidence)
    {
        var passed = evidence.Gates.Count == 0 ? "time and requests reached (no gates)" : "every gate passed";
        if (progress.Phase == RolloutPhase.Shadow && policy.Mode == RolloutMode.Canary)
        {
            return new RolloutVerdict(RolloutAction.Step, RolloutPhase.Canary, 0, policy.Steps[0], string.Create(CultureInfo.InvariantCulture, $"{passed} in shadow: canary at {policy.Steps[0]}%"), evidence);
        }

        var next = progress.Step + 1;
        if (progress.Phase == RolloutPhase.Canary && next < policy.Steps.Length)
        {
            return new RolloutVerdict(RolloutAction.Step, RolloutPhase.Canary, next, policy.Steps[next], string.Create(CultureInfo.InvariantCulture, $"{passed} at {policy.Steps[progress.Step]}%: canary at {policy.Steps[next]}%"), evidence);
        }

        var from = progress.Phase == RolloutPhase.Shadow ? "in shadow (blue/green)" : "at the last step";
        return new RolloutVerdict(RolloutAction.Promote, RolloutPhase.Promoted, progress.Step, 100, $"{passed} {from}: promoted", evidence);
    }
}

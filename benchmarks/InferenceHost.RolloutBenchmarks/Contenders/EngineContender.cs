using InferenceHost.Abstractions.Rollouts;
using InferenceHost.Abstractions.Telemetry;
using InferenceHost.RolloutBenchmarks.Simulation;
using InferenceHost.Telemetry.Rollouts;
using InferenceHost.Telemetry.Statistics;

namespace InferenceHost.RolloutBenchmarks.Contenders;

/// <summary>
/// The host's <see cref="RolloutEngine"/> as the rollout grain drives it: evidence accumulates from the start,
/// the gates are evaluated every <see cref="RolloutPolicy.EvaluationInterval"/>, and mirroring stops once the
/// candidate serves users (the shadow phase's evidence stays in the totals).
/// </summary>
internal sealed class EngineContender(string name, RolloutPolicy policy, GateTest test) : IContender
{
    public string Name => name;

    public RunOutcome Run(TrafficSimulator traffic, TimeSpan interval, TimeSpan limit)
    {
        var start = DateTimeOffset.UnixEpoch;
        var (phase, step) = RolloutEngine.FirstPhase(policy);
        var phaseStarted = start;
        var candidate = VersionAggregate.Empty;
        var baseline = VersionAggregate.Empty;
        long phaseRequests = 0, served = 0;
        for (var i = 0; interval * i < limit; i++)
        {
            var delta = traffic.Next(i, RolloutEngine.WeightOf(policy, phase, step), phase == RolloutPhase.Shadow ? policy.ShadowPercent : 0);
            candidate = candidate.Merge(delta.Candidate);
            baseline = baseline.Merge(delta.Baseline);
            phaseRequests += delta.Candidate.Requests;
            served += delta.CandidateServed;
            var now = start + (interval * (i + 1));
            var verdict = RolloutEngine.Decide(policy, new RolloutProgress(phase, step, false, start, phaseStarted), new RolloutObservation(candidate, baseline, phaseRequests), now, test);
            switch (verdict.Action)
            {
                case RolloutAction.Promote:
                    return new RunOutcome(RolloutDecisionKind.Promoted, (now - start).TotalSeconds, served);
                case RolloutAction.Rollback:
                    return new RunOutcome(RolloutDecisionKind.RolledBack, (now - start).TotalSeconds, served);
                case RolloutAction.Pause:
                    return new RunOutcome(RolloutDecisionKind.Undecided, (now - start).TotalSeconds, served);
                case RolloutAction.Step:
                    (phase, step, phaseStarted, phaseRequests) = (verdict.Phase, verdict.Step, now, 0);
                    break;
            }
        }

        return new RunOutcome(RolloutDecisionKind.Undecided, limit.TotalSeconds, served);
    }
}

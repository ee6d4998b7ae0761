using InferenceHost.Abstractions.Telemetry;
using InferenceHost.RolloutBenchmarks.Simulation;
using InferenceHost.Telemetry.Statistics;

namespace InferenceHost.RolloutBenchmarks.Contenders;

/// <summary>
/// A Flagger-style canary analysis: no shadow, the canary starts at 10%; every minute its last minute is
/// checked against fixed thresholds (success rate ≥ 99%, p99 ≤ 500 ms); a passing check adds 10 points up
/// to 50%, a passing check at 50% promotes, and the fifth failed check rolls back. It looks only at the
/// canary's own numbers: no baseline, no outputs.
/// </summary>
internal sealed class FlaggerContender : IContender
{
    private const int StepWeight = 10;
    private const int MaxWeight = 50;
    private const int FailedChecksToRollback = 5;
    private const double MinSuccessRate = 0.99;
    private const double MaxP99Milliseconds = 500;
    private static readonly TimeSpan CheckInterval = TimeSpan.FromMinutes(1);

    public string Name => "Flagger-style fixed thresholds";

    public RunOutcome Run(TrafficSimulator traffic, TimeSpan interval, TimeSpan limit)
    {
        var perCheck = (int)(CheckInterval / interval);
        var weight = StepWeight;
        var failedChecks = 0;
        var window = VersionAggregate.Empty;
        long served = 0;
        for (var i = 0; interval * i < limit; i++)
        {
            var delta = traffic.Next(i, weight, 0);
            window = window.Merge(delta.Candidate);
            served += delta.CandidateServed;
            if ((i + 1) % perCheck != 0)
            {
                continue;
            }

            var seconds = (interval * (i + 1)).TotalSeconds;
            if (Passes(window))
            {
                if (weight >= MaxWeight)
                {
                    return new RunOutcome(RolloutDecisionKind.Promoted, seconds, served);
                }

                weight += StepWeight;
            }
            else if (++failedChecks >= FailedChecksToRollback)
            {
                return new RunOutcome(RolloutDecisionKind.RolledBack, seconds, served);
            }

            window = VersionAggregate.Empty;
        }

        return new RunOutcome(RolloutDecisionKind.Undecided, limit.TotalSeconds, served);
    }

    /// <summary>Flagger skips a check with no traffic; at 50 req/s every window has some.</summary>
    private static bool Passes(VersionAggregate window) =>
        window.Requests == 0 ||
        (1 - ((double)window.Errors / window.Requests) >= MinSuccessRate && !(HistogramQuantiles.LatencyMilliseconds(window.Latency, 0.99) > MaxP99Milliseconds));
}

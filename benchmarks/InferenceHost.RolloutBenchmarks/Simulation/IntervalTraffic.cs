using InferenceHost.Abstractions.Telemetry;

namespace InferenceHost.RolloutBenchmarks.Simulation;

/// <summary>What each version recorded over one evaluation interval.</summary>
/// <param name="Candidate">The candidate's delta (served and mirrored).</param>
/// <param name="Baseline">The baseline's delta.</param>
/// <param name="CandidateServed">Users the candidate answered (mirrored requests excluded: their users got the baseline's answer).</param>
internal readonly record struct IntervalTraffic(VersionAggregate Candidate, VersionAggregate Baseline, long CandidateServed);

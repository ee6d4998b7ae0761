using InferenceHost.Abstractions.Telemetry;

namespace InferenceHost.Telemetry.Rollouts;

/// <summary>The evidence for one evaluation.</summary>
/// <param name="Candidate">Everything the candidate recorded since the rollout started (served and mirrored).</param>
/// <param name="Baseline">Everything the baseline recorded since the rollout started.</param>
/// <param name="PhaseRequests">Candidate requests since the current step (or the shadow phase) started.</param>
public readonly record struct RolloutObservation(VersionAggregate Candidate, VersionAggregate Baseline, long PhaseRequests);

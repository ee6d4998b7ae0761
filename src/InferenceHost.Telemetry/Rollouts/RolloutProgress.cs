using InferenceHost.Abstractions.Rollouts;

namespace InferenceHost.Telemetry.Rollouts;

/// <summary>Where a running rollout stands, as <see cref="RolloutEngine"/> needs it.</summary>
/// <param name="Phase">Shadow or Canary (the engine is not asked about finished rollouts).</param>
/// <param name="Step">Index into the policy's steps; −1 in the shadow phase.</param>
/// <param name="Paused">An operator paused it: it does not advance (a failing gate still rolls back).</param>
/// <param name="StartedAt">When the rollout started: evidence accumulates from here.</param>
/// <param name="PhaseStartedAt">When the current step (or the shadow phase) started.</param>
public readonly record struct RolloutProgress(RolloutPhase Phase, int Step, bool Paused, DateTimeOffset StartedAt, DateTimeOffset PhaseStartedAt);

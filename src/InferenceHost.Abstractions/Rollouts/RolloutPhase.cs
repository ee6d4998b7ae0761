namespace InferenceHost.Abstractions.Rollouts;

/// <summary>Where a rollout stands; the last three are final.</summary>
public enum RolloutPhase
{
    /// <summary>The candidate sees mirrored traffic only; no user is served by it.</summary>
    Shadow,

    /// <summary>The candidate serves its step's share of users.</summary>
    Canary,

    /// <summary>The candidate became the active colour.</summary>
    Promoted,

    /// <summary>A gate failed (or an operator rolled back): the candidate serves nobody and is marked failed.</summary>
    RolledBack,

    /// <summary>An operator stopped the rollout: the candidate serves nobody; the deployment is as before the rollout.</summary>
    Aborted,
}

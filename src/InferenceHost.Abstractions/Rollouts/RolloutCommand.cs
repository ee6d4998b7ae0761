namespace InferenceHost.Abstractions.Rollouts;

/// <summary>What an operator can tell a running rollout.</summary>
public enum RolloutCommand
{
    /// <summary>Hold the current step; gates are still evaluated and shown, nothing changes.</summary>
    Pause,

    /// <summary>Continue a paused rollout from its step.</summary>
    Resume,

    /// <summary>Stop: the candidate serves nobody, the deployment returns to the baseline; not a failure of the candidate.</summary>
    Abort,

    /// <summary>Make the candidate the active colour now, whatever the gates say.</summary>
    Promote,

    /// <summary>As a failed gate would: the candidate serves nobody and is marked failed.</summary>
    Rollback,
}

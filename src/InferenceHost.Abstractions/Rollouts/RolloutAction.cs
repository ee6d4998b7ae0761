namespace InferenceHost.Abstractions.Rollouts;

/// <summary>What a rollout decision did.</summary>
public enum RolloutAction
{
    Start,
    Wait,
    Step,
    Promote,
    Rollback,
    Pause,
    Resume,
    Abort,
}

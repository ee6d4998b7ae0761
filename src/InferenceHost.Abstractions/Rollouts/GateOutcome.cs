namespace InferenceHost.Abstractions.Rollouts;

/// <summary>A gate's verdict at one evaluation.</summary>
public enum GateOutcome
{
    /// <summary>Not enough evidence either way yet: wait.</summary>
    Inconclusive,

    /// <summary>The candidate is, with the policy's confidence, within the threshold.</summary>
    Pass,

    /// <summary>The candidate is, with the policy's confidence, worse than the baseline by more than the gate allows.</summary>
    Fail,
}

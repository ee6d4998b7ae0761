namespace InferenceHost.Abstractions.Rollouts;

/// <summary>How a candidate reaches users.</summary>
public enum RolloutMode
{
    /// <summary>An optional shadow phase, then a ladder of canary weights, then the candidate becomes the active colour.</summary>
    Canary,

    /// <summary>The candidate waits on the standby colour with mirrored traffic; when the gates pass, the colours switch at once.</summary>
    BlueGreen,
}

namespace InferenceHost.Abstractions.Rollouts;

/// <summary>The numbers a decision was made on.</summary>
/// <param name="CandidateRequests">Candidate requests since the rollout started (served and mirrored).</param>
/// <param name="BaselineRequests">Baseline requests since the rollout started.</param>
/// <param name="PhaseRequests">Candidate requests since the current step (or the shadow phase) started.</param>
/// <param name="Gates">Each gate's numbers.</param>
[GenerateSerializer, Immutable, Alias("InferenceHost.RolloutEvidence")]
public sealed record RolloutEvidence(
    [property: Id(0)] long CandidateRequests,
    [property: Id(1)] long BaselineRequests,
    [property: Id(2)] long PhaseRequests,
    [property: Id(3)] IReadOnlyList<GateResult> Gates)
{
    public static readonly RolloutEvidence None = new(0, 0, 0, []);
}

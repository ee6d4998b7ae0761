using InferenceHost.Abstractions.Rollouts;

namespace InferenceHost.Abstractions.Telemetry;

/// <summary>A candidate compared with a baseline over a window, every gate's numbers as a rollout would see them.</summary>
/// <param name="Model">The model.</param>
/// <param name="Candidate">The version compared.</param>
/// <param name="Baseline">The version it is compared with.</param>
/// <param name="From">Start of the window.</param>
/// <param name="To">The newest data merged.</param>
/// <param name="CandidateRequests">Candidate requests in the window (served and mirrored).</param>
/// <param name="BaselineRequests">Baseline requests in the window.</param>
/// <param name="Gates">One result per metric.</param>
[GenerateSerializer, Immutable, Alias("InferenceHost.VersionComparison")]
public sealed record VersionComparison(
    [property: Id(0)] string Model,
    [property: Id(1)] string Candidate,
    [property: Id(2)] string Baseline,
    [property: Id(3)] DateTimeOffset From,
    [property: Id(4)] DateTimeOffset To,
    [property: Id(5)] long CandidateRequests,
    [property: Id(6)] long BaselineRequests,
    [property: Id(7)] IReadOnlyList<GateResult> Gates);

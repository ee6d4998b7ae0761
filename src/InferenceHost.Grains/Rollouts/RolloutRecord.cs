using InferenceHost.Abstractions.Rollouts;

namespace InferenceHost.Grains.Rollouts;

/// <summary>One rollout as persisted: its status, its decisions, and the route table revision it last wrote.</summary>
/// <param name="Status">Where it stands.</param>
/// <param name="Decisions">
/// Every decision, oldest first (waits are dropped first once <see cref="RolloutState.DecisionLimit"/> is reached); always a
/// <see cref="List{T}"/>, which JSON grain storage can read back by its recorded type.
/// </param>
/// <param name="Revision">The route table revision of the rollout's own latest change: any other revision means someone else changed the deployment.</param>
/// <param name="ClockStartedAt">Where <see cref="RolloutPolicy.MaxDuration"/> counts from: the start, or the latest resume.</param>
[GenerateSerializer, Immutable, Alias("InferenceHost.RolloutRecord")]
public sealed record RolloutRecord(
    [property: Id(0)] RolloutStatus Status,
    [property: Id(1)] IReadOnlyList<RolloutDecision> Decisions,
    [property: Id(2)] long Revision,
    [property: Id(3)] DateTimeOffset ClockStartedAt);

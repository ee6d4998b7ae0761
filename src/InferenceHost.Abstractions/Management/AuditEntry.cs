namespace InferenceHost.Abstractions.Management;

/// <summary>One change an operator (or the host itself) made: who, when, what, and old → new.</summary>
/// <param name="Sequence">Position in the log, from 1.</param>
/// <param name="At">When.</param>
/// <param name="Actor">Who: the token's principal, or the component acting on its own.</param>
/// <param name="Action">What, e.g. <c>deploy</c>, <c>switch</c>, <c>rollback</c>.</param>
/// <param name="Model">The model changed.</param>
/// <param name="Before">The state before, in words (e.g. the deployment at revision 3).</param>
/// <param name="After">The state after.</param>
[GenerateSerializer, Immutable, Alias("InferenceHost.AuditEntry")]
public sealed record AuditEntry(
    [property: Id(0)] long Sequence,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] string Actor,
    [property: Id(3)] string Action,
    [property: Id(4)] string Model,
    [property: Id(5)] string Before,
    [property: Id(6)] string After);

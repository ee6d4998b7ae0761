namespace InferenceHost.Abstractions.Telemetry;

/// <summary>One version's telemetry in one slot (a version may serve as canary and be mirrored to as shadow at once).</summary>
/// <param name="Version">Model version id.</param>
/// <param name="Slot"><c>blue</c>, <c>green</c>, <c>canary</c>, <c>shadow</c>, <c>default</c> or <c>none</c> (a URL version no slot holds).</param>
/// <param name="Counts">What was recorded.</param>
[GenerateSerializer, Immutable, Alias("InferenceHost.SlotTelemetry")]
public sealed record SlotTelemetry(
    [property: Id(0)] string Version,
    [property: Id(1)] string Slot,
    [property: Id(2)] VersionAggregate Counts);

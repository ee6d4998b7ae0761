namespace InferenceHost.Abstractions.Telemetry;

/// <summary>A model's telemetry over a window, per (version, slot).</summary>
/// <param name="Model">The model.</param>
/// <param name="From">Start of the window (the oldest data it holds may be younger).</param>
/// <param name="To">End of the window: the newest flush merged.</param>
/// <param name="Slots">Per version and slot, ordered by version then slot.</param>
[GenerateSerializer, Immutable, Alias("InferenceHost.TelemetryWindow")]
public sealed record TelemetryWindow(
    [property: Id(0)] string Model,
    [property: Id(1)] DateTimeOffset From,
    [property: Id(2)] DateTimeOffset To,
    [property: Id(3)] IReadOnlyList<SlotTelemetry> Slots);

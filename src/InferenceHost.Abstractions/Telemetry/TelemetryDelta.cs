namespace InferenceHost.Abstractions.Telemetry;

/// <summary>What one silo recorded for one model since its previous flush.</summary>
/// <param name="Silo">The silo that recorded it.</param>
/// <param name="At">When the silo flushed it.</param>
/// <param name="Slots">Per (version, slot), only those with something new.</param>
/// <param name="Served">Requests answered with an id, for joining feedback.</param>
[GenerateSerializer, Immutable, Alias("InferenceHost.TelemetryDelta")]
public sealed record TelemetryDelta(
    [property: Id(0)] string Silo,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] IReadOnlyList<SlotTelemetry> Slots,
    [property: Id(3)] IReadOnlyList<ServedPrediction> Served)
{
    /// <summary>
    /// When the silo began recording what this delta holds (its previous take); null when unknown, read as
    /// <see cref="At"/>. Windows count a delta from here, so one that opens after it never counts earlier requests.
    /// </summary>
    [Id(4)]
    public DateTimeOffset? RecordedFrom { get; init; }
}

namespace InferenceHost.Abstractions.Telemetry;

/// <summary>One version's points of a <see cref="TelemetrySeries"/>, merged over the slots it served in.</summary>
/// <param name="Version">Model version id.</param>
/// <param name="Slots">The slots the version recorded anything in during the window, by name (see <see cref="SlotTelemetry.Slot"/>).</param>
/// <param name="Points">One point per step of the series' grid, oldest first.</param>
[GenerateSerializer, Immutable, Alias("InferenceHost.VersionSeries")]
public sealed record VersionSeries(
    [property: Id(0)] string Version,
    [property: Id(1)] IReadOnlyList<string> Slots,
    [property: Id(2)] IReadOnlyList<SeriesPoint> Points);

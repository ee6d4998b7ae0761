namespace InferenceHost.Abstractions.Telemetry;

/// <summary>
/// A model's telemetry as one series per version on a common time grid, so that charts of different
/// versions align point for point. Every version seen in the window has a point at every step, nulls
/// (or zero counts) where it recorded nothing.
/// </summary>
/// <param name="Model">The model.</param>
/// <param name="Baseline">The version each point's drift is measured against; null when there is none.</param>
/// <param name="Start">The first point's time, a whole multiple of <paramref name="Step"/> (a step that divides a day starts on the clock's round times).</param>
/// <param name="End">When the series was taken; the newest point is the step in progress, so its counts are still growing.</param>
/// <param name="Step">The time between two points, and the span each covers.</param>
/// <param name="Versions">One series per version, by version.</param>
[GenerateSerializer, Immutable, Alias("InferenceHost.TelemetrySeries")]
public sealed record TelemetrySeries(
    [property: Id(0)] string Model,
    [property: Id(1)] string? Baseline,
    [property: Id(2)] DateTimeOffset Start,
    [property: Id(3)] DateTimeOffset End,
    [property: Id(4)] TimeSpan Step,
    [property: Id(5)] IReadOnlyList<VersionSeries> Versions);

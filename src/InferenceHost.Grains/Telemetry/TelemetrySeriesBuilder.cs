using InferenceHost.Abstractions.Telemetry;
using InferenceHost.Telemetry.Statistics;

namespace InferenceHost.Grains.Telemetry;

/// <summary>Turns a model's buckets into a <see cref="TelemetrySeries"/>: each version's buckets merged per step of the grid over all its slots.</summary>
internal static class TelemetrySeriesBuilder
{
    /// <summary>Every version with a bucket in <paramref name="grid"/>; drift against <paramref name="baseline"/>'s step where it recorded one.</summary>
    public static TelemetrySeries Build(string model, TelemetryBuckets buckets, SeriesGrid grid, string? baseline, DateTimeOffset end)
    {
        var versions = new Dictionary<string, (SortedSet<string> Slots, VersionAggregate[] Steps)>(StringComparer.Ordinal);
        foreach (var (start, slot) in buckets.Between(grid.First, grid.End))
        {
            if (!versions.TryGetValue(slot.Version, out var series))
            {
                series = (new SortedSet<string>(StringComparer.Ordinal), Enumerable.Repeat(VersionAggregate.Empty, grid.Count).ToArray());
                versions.Add(slot.Version, series);
            }

            var index = grid.IndexOf(start);
            series.Slots.Add(slot.Slot);
            series.Steps[index] = series.Steps[index].Merge(slot.Counts);
        }

        var reference = baseline is not null && versions.TryGetValue(baseline, out var held) ? held.Steps : null;
        return new TelemetrySeries(
            model,
            baseline,
            grid.First,
            end,
            grid.Step,
            [.. versions
                .OrderBy(static v => v.Key.Length).ThenBy(static v => v.Key, StringComparer.Ordinal)
                .Select(v => new VersionSeries(v.Key, [.. v.Value.Slots], Points(grid, v.Value.Steps, v.Key == baseline ? null : reference)))]);
    }

    /// <summary>One point per step; drift only where there is a baseline to measure against (never against itself).</summary>
    private static SeriesPoint[] Points(SeriesGrid grid, VersionAggregate[] steps, VersionAggregate[]? baseline)
    {
        var points = new SeriesPoint[steps.Length];
        for (var i = 0; i < steps.Length; i++)
        {
            points[i] = SeriesPoints.Of(grid.TimeOf(i), grid.Step, steps[i], baseline?[i]);
        }

        return points;
    }
}

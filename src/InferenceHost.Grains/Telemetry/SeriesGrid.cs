using InferenceHost.Abstractions.Telemetry;

namespace InferenceHost.Grains.Telemetry;

/// <summary>
/// The time grid of a <see cref="TelemetrySeries"/>: <see cref="Count"/> steps, the first starting at <see cref="First"/>.
/// Steps start on whole multiples of the step, so two series of the same step share their grid wherever they overlap.
/// </summary>
internal readonly record struct SeriesGrid(DateTimeOffset First, TimeSpan Step, int Count)
{
    /// <summary>Where the last step ends (in the future while it is in progress).</summary>
    public DateTimeOffset End => First + (Step * Count);

    /// <summary>⌈<paramref name="window"/> ÷ <paramref name="step"/>⌉ steps, the last the one holding <paramref name="now"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The step is not positive, or the window is not 1 to <see cref="IModelTelemetryGrain.MaxSeriesPoints"/> steps.</exception>
    public static SeriesGrid Ending(DateTimeOffset now, TimeSpan window, TimeSpan step)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(step, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        var count = (window.Ticks + step.Ticks - 1) / step.Ticks;
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, IModelTelemetryGrain.MaxSeriesPoints, nameof(window));
        var last = now.UtcTicks / step.Ticks;
        return new SeriesGrid(new DateTimeOffset((last - count + 1) * step.Ticks, TimeSpan.Zero), step, (int)count);
    }

    public DateTimeOffset TimeOf(int index) => First + (Step * index);

    /// <summary>The step holding <paramref name="at"/>; the grid must hold it.</summary>
    public int IndexOf(DateTimeOffset at) => (int)((at.UtcTicks - First.UtcTicks) / Step.Ticks);
}

using System.Globalization;

namespace InferenceHost.Telemetry.Rollouts;

/// <summary>Durations in reasons operators read: rounded to what matters (<c>4.1s</c>, <c>12m 5s</c>, <c>2h 10m</c>).</summary>
internal static class ElapsedText
{
    public static string Of(TimeSpan duration) => duration switch
    {
        { TotalMinutes: < 1 } => string.Create(CultureInfo.InvariantCulture, $"{duration.TotalSeconds:0.#}s"),
        { TotalHours: < 1 } => string.Create(CultureInfo.InvariantCulture, $"{(int)duration.TotalMinutes}m {duration.Seconds}s"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{(int)duration.TotalHours}h {duration.Minutes}m"),
    };
}

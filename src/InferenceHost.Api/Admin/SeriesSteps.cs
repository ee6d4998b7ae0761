namespace InferenceHost.Api.Admin;

/// <summary>The telemetry series' defaults: a window a dashboard opens on, and a round step that keeps a chart readable.</summary>
internal static class SeriesSteps
{
    /// <summary>The window when the request names none.</summary>
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromMinutes(15);

    /// <summary>The most points a default step gives: enough for a chart's width, few enough to send every few seconds.</summary>
    public const int DefaultMaxPoints = 180;

    /// <summary>Round steps, shortest first, so that points fall on the clock's round times and read as such.</summary>
    private static readonly TimeSpan[] Round =
    [
        .. new[] { 1, 2, 5, 10, 15, 20, 30 }.Select(s => TimeSpan.FromSeconds(s)),
        .. new[] { 1, 2, 5, 10, 15, 20, 30 }.Select(m => TimeSpan.FromMinutes(m)),
        .. new[] { 1, 2, 3, 6, 12, 24 }.Select(h => TimeSpan.FromHours(h)),
    ];

    /// <summary>The shortest round step that gives <paramref name="window"/> at most <see cref="DefaultMaxPoints"/> points (the longest for longer windows).</summary>
    public static TimeSpan DefaultFor(TimeSpan window) =>
        Round.FirstOrDefault(step => window.Ticks <= step.Ticks * DefaultMaxPoints, Round[^1]);
}

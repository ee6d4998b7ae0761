using InferenceHost.Api.Http;
using Microsoft.AspNetCore.Http;

namespace InferenceHost.Api.Admin;

/// <summary>Telemetry: what each version did in each slot over a recent window, the same as a time series for charts, and two versions compared on every gate.</summary>
internal sealed partial class AdminHandlers
{
    /// <summary>The window when the request names none.</summary>
    public static readonly TimeSpan DefaultTelemetryWindow = TimeSpan.FromMinutes(5);

    public async Task GetTelemetryAsync(HttpContext context)
    {
        var window = QueryWindow(context);
        var telemetry = await Management.GetTelemetry(Model(context), window);
        await JsonResponses.WriteAsync(context, StatusCodes.Status200OK, (telemetry, window), TelemetryJsonWriter.Write);
    }

    public async Task CompareVersionsAsync(HttpContext context)
    {
        var candidate = QueryVersion(context, "candidate");
        var baseline = QueryVersion(context, "baseline");
        var window = QueryWindow(context);
        var comparison = await Management.CompareVersions(Model(context), candidate, baseline, window);
        await JsonResponses.WriteAsync(context, StatusCodes.Status200OK, (comparison, window), RolloutJsonWriter.WriteComparison);
    }

    public async Task GetTelemetrySeriesAsync(HttpContext context)
    {
        var window = QueryDuration(context, "window", SeriesSteps.DefaultWindow);
        var step = QueryDuration(context, "step", SeriesSteps.DefaultFor(window));
        var baseline = context.Request.Query.TryGetValue("baseline", out var named) ? named.ToString() : null;
        var series = await Management.GetTelemetrySeries(Model(context), window, step, baseline);
        await JsonResponses.WriteAsync(context, StatusCodes.Status200OK, (series, window), TelemetrySeriesJsonWriter.Write);
    }

    /// <summary>The <c>window</c> query parameter, else <see cref="DefaultTelemetryWindow"/>.</summary>
    private static TimeSpan QueryWindow(HttpContext context) => QueryDuration(context, "window", DefaultTelemetryWindow);

    /// <summary>A duration the query may name, else <paramref name="fallback"/>; its range is the management grain's to judge.</summary>
    private static TimeSpan QueryDuration(HttpContext context, string name, TimeSpan fallback)
    {
        var duration = fallback;
        if (context.Request.Query.TryGetValue(name, out var text) && !DurationText.TryParse(text, out duration))
        {
            throw BadRequest($"{name} must be {DurationText.Hint}, not '{text}'");
        }

        return duration;
    }

    /// <summary>A version the query must name; whether it is a version id is the management grain's to judge.</summary>
    private static string QueryVersion(HttpContext context, string name) =>
        context.Request.Query[name].ToString() is { Length: > 0 } version
            ? version
            : throw BadRequest($"'{name}' is missing: name both versions, e.g. ?candidate=3&baseline=1");
}

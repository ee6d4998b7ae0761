using InferenceHost.Api.Http;
using Microsoft.AspNetCore.Http;

namespace InferenceHost.Api.Admin;

/// <summary>Telemetry: what each version did in each slot over a recent window.</summary>
internal sealed partial class AdminHandlers
{
    /// <summary>The window when the request names none.</summary>
    public static readonly TimeSpan DefaultTelemetryWindow = TimeSpan.FromMinutes(5);

    public async Task GetTelemetryAsync(HttpContext context)
    {
        var window = DefaultTelemetryWindow;
        if (context.Request.Query.TryGetValue("window", out var text) && !DurationText.TryParse(text, out window))
        {
            throw BadRequest($"window must be {DurationText.Hint}, not '{text}'");
        }

        var telemetry = await Management.GetTelemetry(Model(context), window);
        await JsonResponses.WriteAsync(context, StatusCodes.Status200OK, (telemetry, window), TelemetryJsonWriter.Write);
    }
}

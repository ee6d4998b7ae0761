namespace InferenceHost.Cli.Admin;

/// <summary><c>GET /admin/v1/models/{m}/telemetry</c>: per version and slot over the window.</summary>
internal sealed record TelemetryView(string Model, string Window, DateTimeOffset From, DateTimeOffset To, IReadOnlyList<SlotTelemetryView> Slots);

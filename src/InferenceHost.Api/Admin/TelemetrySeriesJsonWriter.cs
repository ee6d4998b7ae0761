using System.Text.Json;
using InferenceHost.Abstractions.Telemetry;

namespace InferenceHost.Api.Admin;

/// <summary>
/// Writes <c>GET /admin/v1/models/{m}/telemetry/series</c>: per version one point per step on the common grid, times in UTC
/// (<c>Z</c>), null wherever a step holds no data for a statistic (the dashboard draws gaps, not zeros).
/// </summary>
internal static class TelemetrySeriesJsonWriter
{
    public static void Write(Utf8JsonWriter writer, (TelemetrySeries Series, TimeSpan Window) state)
    {
        var (series, window) = state;
        writer.WriteStartObject();
        writer.WriteString("model"u8, series.Model);
        writer.WriteString("baseline"u8, series.Baseline);
        writer.WriteString("window"u8, DurationText.Format(window));
        writer.WriteString("step"u8, DurationText.Format(series.Step));
        writer.WriteString("start"u8, series.Start.UtcDateTime);
        writer.WriteString("end"u8, series.End.UtcDateTime);
        writer.WriteStartArray("versions"u8);
        foreach (var version in series.Versions)
        {
            writer.WriteStartObject();
            writer.WriteString("version"u8, version.Version);
            writer.WriteStartArray("slots"u8);
            foreach (var slot in version.Slots)
            {
                writer.WriteStringValue(slot);
            }

            writer.WriteEndArray();
            writer.WriteStartArray("points"u8);
            foreach (var point in version.Points)
            {
                WritePoint(writer, point);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WritePoint(Utf8JsonWriter writer, SeriesPoint point)
    {
        writer.WriteStartObject();
        writer.WriteString("time"u8, point.Time.UtcDateTime);
        writer.WriteNumber("requests"u8, point.Requests);
        writer.WriteNumber("request_rate"u8, point.RequestRate);
        writer.WriteNumber("errors"u8, point.Errors);
        WriteNumber(writer, "error_rate"u8, point.ErrorRate);
        writer.WriteNumber("invalid_outputs"u8, point.InvalidOutputs);
        WriteNumber(writer, "invalid_rate"u8, point.InvalidRate);
        if (point.Latency is { } latency)
        {
            writer.WriteStartObject("latency_ms"u8);
            writer.WriteNumber("p50"u8, latency.P50);
            writer.WriteNumber("p95"u8, latency.P95);
            writer.WriteNumber("p99"u8, latency.P99);
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteNull("latency_ms"u8);
        }

        WriteNumber(writer, "drift"u8, point.Drift);
        WriteNumber(writer, "agreement"u8, point.Agreement);
        WriteNumber(writer, "accuracy"u8, point.Accuracy);
        writer.WriteEndObject();
    }

    private static void WriteNumber(Utf8JsonWriter writer, ReadOnlySpan<byte> name, double? value) =>
        JsonNumbers.Write(writer, name, value ?? double.NaN);
}

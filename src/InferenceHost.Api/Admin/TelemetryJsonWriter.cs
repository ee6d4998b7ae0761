using System.Globalization;
using System.Text.Json;
using InferenceHost.Abstractions.Telemetry;
using InferenceHost.Telemetry.Statistics;

namespace InferenceHost.Api.Admin;

/// <summary>
/// Writes <c>GET /admin/v1/models/{m}/telemetry</c>: per version and slot the headline numbers of
/// <see cref="VersionSummary"/>, with the raw counts they come from; null where there is no data.
/// </summary>
internal static class TelemetryJsonWriter
{
    public static void Write(Utf8JsonWriter writer, (TelemetryWindow Telemetry, TimeSpan Window) state)
    {
        var (telemetry, window) = state;
        writer.WriteStartObject();
        writer.WriteString("model"u8, telemetry.Model);
        writer.WriteString("window"u8, DurationText.Format(window));
        writer.WriteString("from"u8, telemetry.From);
        writer.WriteString("to"u8, telemetry.To);
        writer.WriteStartArray("slots"u8);
        foreach (var slot in telemetry.Slots)
        {
            WriteSlot(writer, slot);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteSlot(Utf8JsonWriter writer, SlotTelemetry slot)
    {
        var counts = slot.Counts;
        var summary = VersionSummary.Of(counts);
        writer.WriteStartObject();
        writer.WriteString("version"u8, slot.Version);
        writer.WriteString("slot"u8, slot.Slot);
        writer.WriteNumber("requests"u8, counts.Requests);
        writer.WriteNumber("errors"u8, counts.Errors);
        writer.WriteNumber("bad_input"u8, counts.BadInput);
        writer.WriteNumber("invalid_outputs"u8, counts.InvalidOutputs);
        JsonNumbers.Write(writer, "error_rate"u8, summary.ErrorRate);
        JsonNumbers.Write(writer, "bad_input_rate"u8, summary.BadInputRate);
        JsonNumbers.Write(writer, "invalid_output_rate"u8, summary.InvalidOutputRate);
        JsonNumbers.Write(writer, "p50_ms"u8, summary.P50Milliseconds);
        JsonNumbers.Write(writer, "p95_ms"u8, summary.P95Milliseconds);
        JsonNumbers.Write(writer, "p99_ms"u8, summary.P99Milliseconds);
        writer.WriteString("output_kind"u8, RolloutNames.Of(counts.Outputs.Kind));
        JsonNumbers.Write(writer, "mean_confidence"u8, summary.MeanConfidence);
        WriteClassShares(writer, counts.Outputs);
        writer.WriteNumber("shadow_pairs"u8, counts.Agreement.Pairs);
        JsonNumbers.Write(writer, "agreement"u8, summary.Agreement);
        JsonNumbers.Write(writer, "mean_abs_diff"u8, summary.MeanAbsoluteDifference);
        writer.WriteNumber("labelled"u8, counts.Feedback.Labelled);
        JsonNumbers.Write(writer, "accuracy"u8, summary.Accuracy);
        JsonNumbers.Write(writer, "mean_absolute_error"u8, summary.MeanAbsoluteError);
        writer.WriteEndObject();
    }

    /// <summary>Classifiers: predicted class index → share of rows; null for other outputs.</summary>
    private static void WriteClassShares(Utf8JsonWriter writer, OutputSummary outputs)
    {
        if (outputs.Kind != OutputKind.Classifier || outputs.Rows == 0)
        {
            writer.WriteNull("class_shares"u8);
            return;
        }

        writer.WriteStartObject("class_shares"u8);
        var classes = outputs.Classes;
        for (var i = 0; i < classes.Indexes.Length; i++)
        {
            writer.WriteNumber(classes.Indexes[i].ToString(CultureInfo.InvariantCulture), (double)classes.Counts[i] / outputs.Rows);
        }

        writer.WriteEndObject();
    }
}

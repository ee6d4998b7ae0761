using System.Globalization;
using InferenceHost.Cli.Admin;

namespace InferenceHost.Cli.Output;

/// <summary>A model's telemetry as <c>telemetry</c> prints it: one row per version and slot.</summary>
internal static class TelemetryPrinter
{
    public static void Write(TelemetryView telemetry, TextWriter output)
    {
        output.WriteLine($"model {telemetry.Model}, last {telemetry.Window} ({Timestamps.Format(telemetry.From)} to {Timestamps.Format(telemetry.To)})");
        output.WriteLine();
        var table = new TextTable(
            "VERSION", "SLOT", "REQUESTS", "ERRORS", "BAD-INPUT", "INVALID", "P50-MS", "P95-MS", "P99-MS", "CONFIDENCE", "AGREEMENT", "ACCURACY", "MAE", "LABELLED", "CLASSES");
        foreach (var slot in telemetry.Slots)
        {
            table.AddRow(
                slot.Version,
                slot.Slot,
                Numbers.Whole(slot.Requests),
                Numbers.Percent(slot.ErrorRate),
                Numbers.Percent(slot.BadInputRate),
                Numbers.Percent(slot.InvalidOutputRate),
                Numbers.Decimal(slot.P50Ms),
                Numbers.Decimal(slot.P95Ms),
                Numbers.Decimal(slot.P99Ms),
                Numbers.Decimal(slot.MeanConfidence),
                Numbers.Percent(slot.Agreement),
                Numbers.Percent(slot.Accuracy),
                Numbers.Decimal(slot.MeanAbsoluteError),
                Numbers.Whole(slot.Labelled),
                Classes(slot.ClassShares));
        }

        table.WriteTo(output);
    }

    /// <summary>Predicted class shares in class order, e.g. <c>0:33% 1:34% 2:33%</c>.</summary>
    private static string Classes(IReadOnlyDictionary<string, double>? shares) =>
        shares is null or { Count: 0 }
            ? Numbers.None
            : string.Join(' ', shares
                .OrderBy(share => int.TryParse(share.Key, NumberStyles.None, CultureInfo.InvariantCulture, out var index) ? index : int.MaxValue)
                .Select(share => $"{share.Key}:{(share.Value * 100).ToString("0", CultureInfo.InvariantCulture)}%"));
}

using System.Text.Json.Serialization;

namespace InferenceHost.Cli.Admin;

/// <summary>One version in one slot; rates are shares (0 to 1), null where there is no data.</summary>
internal sealed record SlotTelemetryView(
    string Version,
    string Slot,
    long Requests,
    long Errors,
    long BadInput,
    long InvalidOutputs,
    double? ErrorRate,
    double? BadInputRate,
    double? InvalidOutputRate,
    [property: JsonPropertyName("p50_ms")] double? P50Ms,
    [property: JsonPropertyName("p95_ms")] double? P95Ms,
    [property: JsonPropertyName("p99_ms")] double? P99Ms,
    string OutputKind,
    double? MeanConfidence,
    IReadOnlyDictionary<string, double>? ClassShares,
    long ShadowPairs,
    double? Agreement,
    double? MeanAbsDiff,
    long Labelled,
    double? Accuracy,
    double? MeanAbsoluteError);

namespace InferenceHost.Abstractions.Telemetry;

/// <summary>Which version a label was counted for, and whether the prediction was right.</summary>
/// <param name="Id">The request id.</param>
/// <param name="Version">The version that served it.</param>
/// <param name="Slot">The slot it served from.</param>
/// <param name="Rows">Labels counted (one per batch row).</param>
/// <param name="Correct">Classifier: rows predicted right.</param>
/// <param name="AbsoluteError">Regressor: sum of |prediction − label| over the rows.</param>
[GenerateSerializer, Immutable, Alias("InferenceHost.FeedbackReceipt")]
public sealed record FeedbackReceipt(
    [property: Id(0)] string Id,
    [property: Id(1)] string Version,
    [property: Id(2)] string Slot,
    [property: Id(3)] int Rows,
    [property: Id(4)] int Correct,
    [property: Id(5)] double AbsoluteError);

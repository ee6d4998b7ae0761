namespace InferenceHost.Telemetry.Recording;

/// <summary>What this silo recorded for one (model, version, slot) since it started: the cumulative counts metrics export.</summary>
/// <param name="Model">The model.</param>
/// <param name="Version">The version.</param>
/// <param name="Slot">The slot it served from, or <c>shadow</c>.</param>
/// <param name="Requests">Requests that reached the version, answered or failed.</param>
/// <param name="BadInput">Requests refused as invalid input.</param>
/// <param name="ModelFailures">Requests the version failed.</param>
/// <param name="Timeouts">Requests that ran out of time.</param>
/// <param name="InvalidOutputs">Answers holding NaN or ±Infinity.</param>
/// <param name="ShadowPairs">As a shadow: rows compared with the primary's.</param>
/// <param name="ShadowAgreements">As a shadow: classifier rows that predicted the primary's class.</param>
public readonly record struct SlotCounters(
    string Model,
    string Version,
    string Slot,
    long Requests,
    long BadInput,
    long ModelFailures,
    long Timeouts,
    long InvalidOutputs,
    long ShadowPairs,
    long ShadowAgreements);

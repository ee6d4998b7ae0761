namespace InferenceHost.Abstractions.Telemetry;

/// <summary>A request the host answered, kept so ground truth posted later can be joined to the version that served it.</summary>
/// <param name="Id">The request id (the client's, or the one the host gave it).</param>
/// <param name="Version">The version that answered.</param>
/// <param name="Slot">The slot it answered from.</param>
/// <param name="Kind">How <paramref name="Predictions"/> read.</param>
/// <param name="Predictions">Per batch row: the top-1 class index (classifier) or the first output value (regressor).</param>
/// <param name="At">When it was answered.</param>
[GenerateSerializer, Immutable, Alias("InferenceHost.ServedPrediction")]
public sealed record ServedPrediction(
    [property: Id(0)] string Id,
    [property: Id(1)] string Version,
    [property: Id(2)] string Slot,
    [property: Id(3)] OutputKind Kind,
    [property: Id(4)] double[] Predictions,
    [property: Id(5)] DateTimeOffset At);

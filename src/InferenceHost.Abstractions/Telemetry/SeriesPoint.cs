namespace InferenceHost.Abstractions.Telemetry;

/// <summary>What one version did in one step of a <see cref="TelemetrySeries"/>; null wherever the step holds no data for a statistic.</summary>
/// <param name="Time">Start of the step.</param>
/// <param name="Requests">Requests that reached the version (answered or failed).</param>
/// <param name="RequestRate">Requests per second over the step.</param>
/// <param name="Errors">Model failures and timeouts.</param>
/// <param name="ErrorRate">Errors per request; null without requests.</param>
/// <param name="InvalidOutputs">Answers holding NaN or ±Infinity.</param>
/// <param name="InvalidRate">Invalid outputs per answered request (as the rollout gate counts them); null without answers.</param>
/// <param name="Latency">Latency quantiles; null without latency samples.</param>
/// <param name="Drift">
/// The rollout drift gate's statistic against the series' baseline in the same step: the largest shift of any predicted
/// class's (or baseline value decile's) share. Null for the baseline itself, and when either side has too few outputs to judge.
/// </param>
/// <param name="Agreement">As a shadow: top-1 agreement with the primary; null without mirrored pairs, or for a regressor.</param>
/// <param name="Accuracy">Share of labelled predictions that were right; null without labels, or for a regressor.</param>
[GenerateSerializer, Immutable, Alias("InferenceHost.SeriesPoint")]
public sealed record SeriesPoint(
    [property: Id(0)] DateTimeOffset Time,
    [property: Id(1)] long Requests,
    [property: Id(2)] double RequestRate,
    [property: Id(3)] long Errors,
    [property: Id(4)] double? ErrorRate,
    [property: Id(5)] long InvalidOutputs,
    [property: Id(6)] double? InvalidRate,
    [property: Id(7)] LatencyQuantiles? Latency,
    [property: Id(8)] double? Drift,
    [property: Id(9)] double? Agreement,
    [property: Id(10)] double? Accuracy);

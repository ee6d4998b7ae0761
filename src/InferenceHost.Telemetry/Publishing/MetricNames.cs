namespace InferenceHost.Telemetry.Publishing;

/// <summary>The instruments of meter <see cref="MeterName"/>; Prometheus shows them with dots as underscores and unit suffixes.</summary>
public static class MetricNames
{
    public const string MeterName = "InferenceHost";

    /// <summary>Counter: requests that reached a version, answered or failed.</summary>
    public const string Requests = "inferencehost.requests";

    /// <summary>Counter: failed requests, tagged with <see cref="MetricTags.Kind"/>.</summary>
    public const string Errors = "inferencehost.errors";

    /// <summary>Counter: answers with NaN or ±Infinity in a floating-point output.</summary>
    public const string InvalidOutputs = "inferencehost.invalid_outputs";

    /// <summary>Histogram, seconds: time in the replica, tagged with <see cref="MetricTags.Outcome"/>.</summary>
    public const string RequestDuration = "inferencehost.request.duration";

    /// <summary>Histogram: rows per answered request.</summary>
    public const string BatchSize = "inferencehost.request.batch_size";

    /// <summary>Counter: rows a shadow answered that were compared with the primary's.</summary>
    public const string ShadowPairs = "inferencehost.shadow.pairs";

    /// <summary>Counter: compared classifier rows where the shadow predicted the primary's class.</summary>
    public const string ShadowAgreements = "inferencehost.shadow.agreements";

    /// <summary>Counter: answers with an id that could not be kept for feedback.</summary>
    public const string ServedDropped = "inferencehost.feedback.dropped";

    /// <summary>Gauge, percent: a slot's share of requests (a shadow's: share mirrored) in this silo's route table.</summary>
    public const string RouteWeight = "inferencehost.route.weight";

    /// <summary>Gauge: the running rollout's step index (−1 in the shadow phase), tagged with <see cref="MetricTags.Phase"/>.</summary>
    public const string RolloutStep = "inferencehost.rollout.step";

    /// <summary>Gauge, percent: the rollout candidate's share of users.</summary>
    public const string RolloutWeight = "inferencehost.rollout.weight";
}

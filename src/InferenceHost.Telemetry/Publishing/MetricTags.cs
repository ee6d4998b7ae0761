using InferenceHost.Telemetry.Recording;

namespace InferenceHost.Telemetry.Publishing;

/// <summary>Tag names and values of the <see cref="MetricNames"/> instruments.</summary>
public static class MetricTags
{
    public const string Model = "model";
    public const string Version = "version";
    public const string Slot = "slot";

    /// <summary>Why a request failed: <see cref="BadInput"/>, <see cref="ModelFailure"/> or <see cref="Timeout"/>.</summary>
    public const string Kind = "kind";

    /// <summary>How a request ended: <see cref="Ok"/> or one of the <see cref="Kind"/> values.</summary>
    public const string Outcome = "outcome";

    /// <summary>A rollout's phase, lowercase: shadow, canary, promoted, rolledback, aborted.</summary>
    public const string Phase = "phase";

    public const string Ok = "ok";
    public const string BadInput = "bad_input";
    public const string ModelFailure = "model_failure";
    public const string Timeout = "timeout";

    public static string Of(RequestFailure failure) => failure switch
    {
        RequestFailure.BadInput => BadInput,
        RequestFailure.Timeout => Timeout,
        _ => ModelFailure,
    };
}

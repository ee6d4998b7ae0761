using InferenceHost.Abstractions.Telemetry;

namespace InferenceHost.Telemetry.Statistics;

/// <summary>The headline numbers of a <see cref="VersionAggregate"/>, as operators read them; NaN where there is no data.</summary>
/// <param name="Requests">Requests that reached the version.</param>
/// <param name="ErrorRate">Model failures and timeouts per request.</param>
/// <param name="BadInputRate">Invalid-input refusals per request.</param>
/// <param name="InvalidOutputRate">Answers holding NaN or ±Infinity per answered request.</param>
/// <param name="P50Milliseconds">Median latency.</param>
/// <param name="P95Milliseconds">95th percentile latency.</param>
/// <param name="P99Milliseconds">99th percentile latency.</param>
/// <param name="MeanConfidence">Classifier: mean top-1 probability.</param>
/// <param name="Agreement">As a shadow: top-1 agreement with the primary (a regressor has no top-1: NaN, as the agreement gate has no verdict for it).</param>
/// <param name="MeanAbsoluteDifference">As a shadow: mean |shadow − primary| over compared elements.</param>
/// <param name="Accuracy">Classifier: share of labelled predictions that were right.</param>
/// <param name="MeanAbsoluteError">Regressor: mean |prediction − label|.</param>
public readonly record struct VersionSummary(
    long Requests,
    double ErrorRate,
    double BadInputRate,
    double InvalidOutputRate,
    double P50Milliseconds,
    double P95Milliseconds,
    double P99Milliseconds,
    double MeanConfidence,
    double Agreement,
    double MeanAbsoluteDifference,
    double Accuracy,
    double MeanAbsoluteError)
{
    public static VersionSummary Of(VersionAggregate aggregate)
    {
        var answered = aggregate.Requests - aggregate.Errors - aggregate.BadInput;
        return new VersionSummary(
            aggregate.Requests,
            Ratio(aggregate.Errors, aggregate.Requests),
            Ratio(aggregate.BadInput, aggregate.Requests),
            Ratio(aggregate.InvalidOutputs, answered),
            HistogramQuantiles.LatencyMilliseconds(aggregate.Latency, 0.50),
            HistogramQuantiles.LatencyMilliseconds(aggregate.Latency, 0.95),
            HistogramQuantiles.LatencyMilliseconds(aggregate.Latency, 0.99),
            aggregate.Outputs.Kind == OutputKind.Classifier ? Ratio(aggregate.Outputs.ConfidenceSum, aggregate.Outputs.Rows) : double.NaN,
            aggregate.Outputs.Kind == OutputKind.Regressor ? double.NaN : Ratio(aggregate.Agreement.Top1Agreements, aggregate.Agreement.Pairs),
            Ratio(aggregate.Agreement.AbsoluteDifferenceSum, aggregate.Agreement.Elements),
            aggregate.Outputs.Kind == OutputKind.Regressor ? double.NaN : Ratio(aggregate.Feedback.Correct, aggregate.Feedback.Labelled),
            aggregate.Outputs.Kind == OutputKind.Regressor ? Ratio(aggregate.Feedback.AbsoluteErrorSum, aggregate.Feedback.Labelled) : double.NaN);
    }

    private static double Ratio(double part, double whole) => whole > 0 ? part / whole : double.NaN;
}

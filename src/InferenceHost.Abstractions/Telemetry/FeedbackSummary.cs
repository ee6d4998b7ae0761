namespace InferenceHost.Abstractions.Telemetry;

/// <summary>Ground truth joined to what a version predicted, mergeable.</summary>
/// <param name="Labelled">Predictions with a label.</param>
/// <param name="Correct">Classifier: labelled predictions whose top-1 class equals the label.</param>
/// <param name="AbsoluteErrorSum">Regressor: sum of |prediction − label|.</param>
[GenerateSerializer, Immutable, Alias("InferenceHost.FeedbackSummary")]
public sealed record FeedbackSummary(
    [property: Id(0)] long Labelled,
    [property: Id(1)] long Correct,
    [property: Id(2)] double AbsoluteErrorSum)
{
    public static readonly FeedbackSummary Empty = new(0, 0, 0);

    public FeedbackSummary Merge(FeedbackSummary other) =>
        new(Labelled + other.Labelled, Correct + other.Correct, AbsoluteErrorSum + other.AbsoluteErrorSum);
}

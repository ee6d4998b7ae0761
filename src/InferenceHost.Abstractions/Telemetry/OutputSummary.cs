namespace InferenceHost.Abstractions.Telemetry;

/// <summary>What a version predicted, mergeable: per-class counts for classifiers, a value histogram for regressors.</summary>
/// <param name="Kind">How the first output was read.</param>
/// <param name="Rows">Predictions summarised (one per batch row).</param>
/// <param name="Classes">Classifier: predicted (top-1) class index → rows.</param>
/// <param name="ConfidenceSum">Classifier: sum over rows of the top-1 probability (softmax of scores that are not probabilities already).</param>
/// <param name="Values">Regressor: output values in signed log buckets (see the recorder's value scale).</param>
[GenerateSerializer, Immutable, Alias("InferenceHost.OutputSummary")]
public sealed record OutputSummary(
    [property: Id(0)] OutputKind Kind,
    [property: Id(1)] long Rows,
    [property: Id(2)] SparseHistogram Classes,
    [property: Id(3)] double ConfidenceSum,
    [property: Id(4)] SparseHistogram Values)
{
    public static readonly OutputSummary Empty = new(OutputKind.None, 0, SparseHistogram.Empty, 0, SparseHistogram.Empty);

    public OutputSummary Merge(OutputSummary other) => new(
        Kind == OutputKind.None ? other.Kind : Kind,
        Rows + other.Rows,
        Classes.Merge(other.Classes),
        ConfidenceSum + other.ConfidenceSum,
        Values.Merge(other.Values));
}

namespace InferenceHost.Abstractions.Telemetry;

/// <summary>
/// Everything recorded about one model version over some period, mergeable across silos and
/// periods: a silo's one-second delta, a telemetry window and a rollout's evidence are all this.
/// </summary>
/// <param name="Requests">Requests that reached the version (answered or failed).</param>
/// <param name="BadInput">Requests refused as invalid input: the client's fault, not the version's.</param>
/// <param name="ModelFailures">Requests the model failed while running.</param>
/// <param name="Timeouts">Requests that ran out of time.</param>
/// <param name="InvalidOutputs">Answered requests whose outputs held NaN or ±Infinity.</param>
/// <param name="Latency">Time in the replica per answered request, in the recorder's log-scaled microsecond buckets.</param>
/// <param name="BatchSizes">Batch size (first dimension) per request; the index is the size.</param>
/// <param name="Outputs">What the version predicted.</param>
/// <param name="Agreement">As a shadow: agreement with the primary on the same requests.</param>
/// <param name="Feedback">Ground truth joined to its predictions.</param>
[GenerateSerializer, Immutable, Alias("InferenceHost.VersionAggregate")]
public sealed record VersionAggregate(
    [property: Id(0)] long Requests,
    [property: Id(1)] long BadInput,
    [property: Id(2)] long ModelFailures,
    [property: Id(3)] long Timeouts,
    [property: Id(4)] long InvalidOutputs,
    [property: Id(5)] SparseHistogram Latency,
    [property: Id(6)] SparseHistogram BatchSizes,
    [property: Id(7)] OutputSummary Outputs,
    [property: Id(8)] AgreementSummary Agreement,
    [property: Id(9)] FeedbackSummary Feedback)
{
    public static readonly VersionAggregate Empty = new(
        0, 0, 0, 0, 0, SparseHistogram.Empty, SparseHistogram.Empty, OutputSummary.Empty, AgreementSummary.Empty, FeedbackSummary.Empty);

    /// <summary>Failures that count against the version: model failures and timeouts (bad input does not).</summary>
    public long Errors => ModelFailures + Timeouts;

    public VersionAggregate Merge(VersionAggregate other) => new(
        Requests + other.Requests,
        BadInput + other.BadInput,
        ModelFailures + other.ModelFailures,
        Timeouts + other.Timeouts,
        InvalidOutputs + other.InvalidOutputs,
        Latency.Merge(other.Latency),
        BatchSizes.Merge(other.BatchSizes),
        Outputs.Merge(other.Outputs),
        Agreement.Merge(other.Agreement),
        Feedback.Merge(other.Feedback));
}

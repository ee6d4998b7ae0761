using InferenceHost.Abstractions.Inference;
using InferenceHost.Abstractions.Rollouts;

namespace InferenceHost.Abstractions.Telemetry;

/// <summary>
/// One model's telemetry (keyed by model name): merges every silo's deltas into time windows per
/// version and slot, joins ground truth to the predictions it belongs to, and answers windowed
/// aggregates for comparisons. Kept in memory: a reactivated grain starts empty and fills within a flush.
/// </summary>
[Alias("InferenceHost.IModelTelemetryGrain")]
public interface IModelTelemetryGrain : IGrainWithStringKey
{
    /// <summary>Most points one <see cref="GetSeries"/> call returns per version.</summary>
    public const int MaxSeriesPoints = 1000;

    /// <summary>Adds a silo's delta.</summary>
    [Alias("Record")]
    Task Record(TelemetryDelta delta);

    /// <summary>Every (version, slot) with what it recorded since <paramref name="since"/>, merged over the silos.</summary>
    [Alias("GetWindow")]
    Task<TelemetryWindow> GetWindow(DateTimeOffset since);

    /// <summary>One version over all its slots since <paramref name="since"/>; empty when nothing was recorded.</summary>
    [Alias("GetVersion")]
    Task<VersionAggregate> GetVersion(string version, DateTimeOffset since);

    /// <summary>
    /// <paramref name="candidate"/> against <paramref name="baseline"/> since <paramref name="since"/>, every gate of
    /// <paramref name="policy"/> evaluated as a rollout evaluates it (each version over all its slots).
    /// </summary>
    [Alias("Compare")]
    Task<VersionComparison> Compare(string candidate, string baseline, DateTimeOffset since, RolloutPolicy policy);

    /// <summary>
    /// The last <paramref name="window"/> as one series per version, a point per <paramref name="step"/>: ⌈window ÷ step⌉ points
    /// on a grid aligned to multiples of the step, ending with the step in progress. Drift is measured against
    /// <paramref name="baseline"/> in the same step; without one, every drift is null.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The step is not positive, or the window is not 1 to <see cref="MaxSeriesPoints"/> steps.</exception>
    [Alias("GetSeries")]
    Task<TelemetrySeries> GetSeries(TimeSpan window, TimeSpan step, string? baseline);

    /// <summary>Joins a label (one per batch row) to the request that <paramref name="id"/> names, and counts it for the version that served it.</summary>
    /// <exception cref="InferenceException">NotFound: the id is unknown or expired; InvalidInput: the label count does not match the rows, or the id already has labels.</exception>
    [Alias("AddFeedback")]
    Task<FeedbackReceipt> AddFeedback(string id, double[] labels);
}

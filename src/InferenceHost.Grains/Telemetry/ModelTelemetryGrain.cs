using InferenceHost.Abstractions.Inference;
using InferenceHost.Abstractions.Rollouts;
using InferenceHost.Abstractions.Telemetry;
using InferenceHost.Telemetry.Statistics;
using Microsoft.Extensions.Options;

namespace InferenceHost.Grains.Telemetry;

/// <summary>
/// One model's telemetry, merged from every silo's once-a-second deltas. In memory only: the
/// statistics it answers are re-learnt within seconds after a reactivation, and the rollout
/// tests that read them stay valid on whatever data they get.
/// </summary>
public sealed class ModelTelemetryGrain : Grain, IModelTelemetryGrain
{
    private readonly TimeProvider _time;
    private readonly TelemetryBuckets _buckets;
    private readonly ServedRequestIndex _served;

    public ModelTelemetryGrain(IOptions<TelemetryRetentionOptions> options, TimeProvider time)
    {
        var settings = options.Value;
        _time = time;
        _buckets = new TelemetryBuckets(settings.BucketWidth, settings.Retention);
        _served = new ServedRequestIndex(settings.FeedbackCapacity, settings.FeedbackRetention);
    }

    private string Model => this.GetPrimaryKeyString();

    public Task Record(TelemetryDelta delta)
    {
        ArgumentNullException.ThrowIfNull(delta);
        var now = _time.GetUtcNow();

        // Filed under when its recording began (never later than now, whatever the silo's clock says), so a window
        // that opens after that, such as a rollout's, never counts requests made before it opened.
        var from = delta.RecordedFrom is { } recorded && recorded < now ? recorded : now;
        _buckets.Add(from, delta.Slots);
        foreach (var served in delta.Served)
        {
            _served.Add(served, now);
        }

        return Task.CompletedTask;
    }

    public Task<TelemetryWindow> GetWindow(DateTimeOffset since) =>
        Task.FromResult(new TelemetryWindow(Model, since, _buckets.LastAdded, _buckets.Since(since)));

    public Task<VersionAggregate> GetVersion(string version, DateTimeOffset since) => Task.FromResult(_buckets.Version(version, since));

    public Task<VersionComparison> Compare(string candidate, string baseline, DateTimeOffset since, RolloutPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var candidateCounts = _buckets.Version(candidate, since);
        var baselineCounts = _buckets.Version(baseline, since);
        return Task.FromResult(new VersionComparison(
            Model, candidate, baseline, since, _buckets.LastAdded, candidateCounts.Requests, baselineCounts.Requests,
            GateEvaluator.Evaluate(policy, candidateCounts, baselineCounts)));
    }

    public Task<TelemetrySeries> GetSeries(TimeSpan window, TimeSpan step, string? baseline)
    {
        var now = _time.GetUtcNow();
        return Task.FromResult(TelemetrySeriesBuilder.Build(Model, _buckets, SeriesGrid.Ending(now, window, step), baseline, now));
    }

    public Task<FeedbackReceipt> AddFeedback(string id, double[] labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var now = _time.GetUtcNow();
        if (!_served.TryGet(id, now, out var served, out var labelled))
        {
            throw InferenceException.NotFound(
                $"model '{Model}' has no answered request with id '{id}' (ids are kept for feedback a limited time, and only when the request carried an id)");
        }

        if (labelled)
        {
            throw InferenceException.InvalidInput($"request '{id}' of model '{Model}' already has feedback");
        }

        if (labels.Length != served.Predictions.Length)
        {
            throw InferenceException.InvalidInput(
                $"request '{id}' of model '{Model}' had {served.Predictions.Length} row(s); feedback gave {labels.Length} label(s)");
        }

        var receipt = Score(served, labels);
        _served.MarkLabelled(id);
        _buckets.Add(now, served.Version, served.Slot, VersionAggregate.Empty with
        {
            Feedback = new FeedbackSummary(receipt.Rows, receipt.Correct, receipt.AbsoluteError),
        });
        return Task.FromResult(receipt);
    }

    /// <summary>A classifier's label is a class index compared with the top-1 class; a regressor's is compared by absolute error.</summary>
    private FeedbackReceipt Score(ServedPrediction served, double[] labels)
    {
        var correct = 0;
        var absoluteError = 0.0;
        for (var row = 0; row < labels.Length; row++)
        {
            var label = labels[row];
            if (!double.IsFinite(label))
            {
                throw InferenceException.InvalidInput($"label {row} of request '{served.Id}' is not a finite number");
            }

            if (served.Kind == OutputKind.Classifier)
            {
                if (label < 0 || label != Math.Floor(label))
                {
                    throw InferenceException.InvalidInput(
                        $"model '{Model}' is a classifier: label {row} of request '{served.Id}' must be a class index (a whole number from 0), not {label}");
                }

                correct += label == served.Predictions[row] ? 1 : 0;
            }
            else
            {
                absoluteError += Math.Abs(served.Predictions[row] - label);
            }
        }

        return new FeedbackReceipt(served.Id, served.Version, served.Slot, labels.Length, correct, absoluteError);
    }
}

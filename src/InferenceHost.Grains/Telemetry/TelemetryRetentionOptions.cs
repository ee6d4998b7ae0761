using System.ComponentModel.DataAnnotations;

namespace InferenceHost.Grains.Telemetry;

/// <summary>How long each model's telemetry grain keeps what silos send it (section <c>InferenceHost:Telemetry</c>).</summary>
public sealed class TelemetryRetentionOptions
{
    public const string SectionName = "InferenceHost:Telemetry";

    /// <summary>
    /// Width of the time buckets deltas are merged into; windows start on a bucket boundary. Default 1 s, the silos'
    /// flush interval: a rollout step's evidence then starts within a second of the step.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan BucketWidth { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long buckets are kept: the longest window (and rollout) the statistics can look back over. Default 6 h.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan Retention { get; set; } = TimeSpan.FromHours(6);

    /// <summary>How long an answered request id can take feedback. Default 1 h.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "7.00:00:00")]
    public TimeSpan FeedbackRetention { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Answered request ids kept per model for feedback; the oldest go first. Default 200,000.</summary>
    [Range(1, 10_000_000)]
    public int FeedbackCapacity { get; set; } = 200_000;
}

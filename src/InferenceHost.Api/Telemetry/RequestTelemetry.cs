using InferenceHost.Abstractions.Inference;
using InferenceHost.Telemetry.Publishing;
using InferenceHost.Telemetry.Recording;
using Microsoft.Extensions.Options;

namespace InferenceHost.Api.Telemetry;

/// <summary>
/// Where the request path reports a replica call: into this silo's <see cref="TelemetryRecorder"/> and
/// the duration and batch size histograms. Served and shadow calls are timed the same way, so a
/// candidate's latency compares with its baseline's. With <see cref="TelemetryOptions.Enabled"/> false
/// every call returns at once, so the dispatcher and the shadow mirror record nothing.
/// </summary>
public sealed class RequestTelemetry(TelemetryRecorder recorder, TelemetryMetrics metrics, TimeProvider time, IOptions<TelemetryOptions> options)
{
    private readonly bool _enabled = options.Value.Enabled;

    /// <summary>A timestamp to pass back to <see cref="Answered"/> or <see cref="Failed"/>.</summary>
    public long Start() => time.GetTimestamp();

    /// <summary>
    /// Records an answer; drift, agreement and feedback read <paramref name="summaryOutput"/> (the model's first declared
    /// output), whichever outputs the client asked for.
    /// </summary>
    public void Answered(string model, string version, string slot, long started, InferenceRequest request, InferenceResponse response, string? summaryOutput = null)
    {
        if (!_enabled)
        {
            return;
        }

        var elapsed = time.GetElapsedTime(started);
        recorder.RecordAnswered(model, version, slot, elapsed, request, response, summaryOutput);
        metrics.RecordAnswered(model, version, slot, elapsed, BatchSizes.Of(request));
    }

    public void Failed(string model, string version, string slot, long started, Exception exception)
    {
        if (!_enabled)
        {
            return;
        }

        var elapsed = time.GetElapsedTime(started);
        var failure = RequestFailures.Of(exception);
        recorder.RecordFailed(model, version, slot, failure);
        metrics.RecordFailed(model, version, slot, elapsed, failure);
    }

    /// <summary>A shadow's answer next to the primary's, for agreement.</summary>
    public void Paired(string model, string shadowVersion, InferenceResponse primary, InferenceResponse shadow, string? summaryOutput = null)
    {
        if (_enabled)
        {
            recorder.RecordShadowPair(model, shadowVersion, primary, shadow, summaryOutput);
        }
    }
}

using InferenceHost.Abstractions.Inference;
using InferenceHost.Abstractions.Models;
using InferenceHost.Abstractions.Telemetry;
using InferenceHost.Api.Telemetry;

namespace InferenceHost.Api.Feedback;

/// <summary>
/// What both protocols' feedback does: checks the model, sends this silo's recent telemetry first (so a request
/// answered here a moment ago is known), then has the model's telemetry grain join the labels to that request.
/// </summary>
internal sealed class FeedbackIntake(IModelDirectory directory, IGrainFactory grains, TelemetryFlusher flusher)
{
    /// <summary>Called before the body is read: an unknown model is NOT_FOUND whatever the body holds, as for inference.</summary>
    /// <exception cref="InferenceException">The model is unknown (NotFound).</exception>
    public void RequireKnown(string model)
    {
        // A model whose versions are all unavailable still takes labels for what it served before.
        if (!directory.IsReady(model, null) && !directory.ListVersions().Any(version => version.Model == model))
        {
            directory.Resolve(model, null);
        }
    }

    /// <exception cref="InferenceException">
    /// No id or labels, a label that is not finite, a wrong label count or repeated feedback (InvalidInput); an unknown or expired id (NotFound).
    /// </exception>
    public async Task<FeedbackReceipt> AddAsync(string model, string id, double[] labels, CancellationToken cancellationToken)
    {
        if (id.Length == 0)
        {
            throw InferenceException.InvalidInput("'id' is missing: name the request the labels are for");
        }

        if (labels.Length == 0)
        {
            throw InferenceException.InvalidInput("no labels: send 'label', or 'labels' with one per batch row");
        }

        if (Array.FindIndex(labels, label => !double.IsFinite(label)) is var bad and >= 0)
        {
            throw InferenceException.InvalidInput($"label {bad} is {labels[bad]}; labels must be finite numbers");
        }

        await flusher.FlushNowAsync(cancellationToken);
        return await grains.GetGrain<IModelTelemetryGrain>(model).AddFeedback(id, labels);
    }
}

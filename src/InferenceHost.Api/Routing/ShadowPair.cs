using InferenceHost.Abstractions.Inference;

namespace InferenceHost.Api.Routing;

/// <summary>One mirrored request: what the primary answered the client, and what the shadow answered (or why it failed).</summary>
/// <param name="Model">The model.</param>
/// <param name="RequestId">The request's id, if the client gave one (to join ground truth later).</param>
/// <param name="At">When the primary answered.</param>
/// <param name="PrimaryVersion">The version that served the client.</param>
/// <param name="PrimaryOutputs">Its outputs, as the client got them.</param>
/// <param name="ShadowVersion">The shadow version.</param>
/// <param name="ShadowOutputs">The shadow's outputs; null when it failed.</param>
/// <param name="ShadowError">Why the shadow failed; null when it answered.</param>
public sealed record ShadowPair(
    string Model,
    string? RequestId,
    DateTimeOffset At,
    string PrimaryVersion,
    IReadOnlyList<InferenceTensor> PrimaryOutputs,
    string ShadowVersion,
    IReadOnlyList<InferenceTensor>? ShadowOutputs,
    string? ShadowError);

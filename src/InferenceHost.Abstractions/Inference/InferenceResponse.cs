namespace InferenceHost.Abstractions.Inference;

/// <summary>The outputs of one inference, with the model version that produced them.</summary>
/// <param name="ModelName">Model that served the request.</param>
/// <param name="ModelVersion">Version that served the request; always set.</param>
/// <param name="Id">The request's id, if it had one.</param>
/// <param name="Outputs">Output tensors in the order they were requested (or the model declares them).</param>
[GenerateSerializer, Immutable, Alias("InferenceHost.InferenceResponse")]
public sealed record InferenceResponse(
    [property: Id(0)] string ModelName,
    [property: Id(1)] string ModelVersion,
    [property: Id(2)] string? Id,
    [property: Id(3)] IReadOnlyList<InferenceTensor> Outputs);

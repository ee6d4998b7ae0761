namespace InferenceHost.Abstractions.Inference;

/// <summary>An inference request for one model version, decoded from HTTP or gRPC.</summary>
/// <param name="Id">Client-chosen request id, echoed in the response.</param>
/// <param name="Inputs">Input tensors, each named once.</param>
/// <param name="OutputNames">Outputs to return; empty means all of the model's outputs.</param>
[GenerateSerializer, Immutable, Alias("InferenceHost.InferenceRequest")]
public sealed record InferenceRequest(
    [property: Id(0)] string? Id,
    [property: Id(1)] IReadOnlyList<InferenceTensor> Inputs,
    [property: Id(2)] IReadOnlyList<string> OutputNames);

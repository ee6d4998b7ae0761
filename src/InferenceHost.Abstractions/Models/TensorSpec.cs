namespace InferenceHost.Abstractions.Models;

/// <summary>A tensor a model takes or returns, as v2 metadata reports it.</summary>
/// <param name="Name">Tensor name.</param>
/// <param name="Datatype">v2 datatype string, e.g. <c>FP32</c>.</param>
/// <param name="Shape">Full shape; -1 marks a variable dimension (the batch dimension first when the model batches).</param>
[GenerateSerializer, Immutable, Alias("InferenceHost.TensorSpec")]
public sealed record TensorSpec(
    [property: Id(0)] string Name,
    [property: Id(1)] string Datatype,
    [property: Id(2)] long[] Shape);

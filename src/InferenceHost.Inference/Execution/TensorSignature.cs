using InferenceHost.Tensors;

namespace InferenceHost.Inference.Execution;

/// <summary>An input or output of a loaded version, as served.</summary>
/// <param name="Name">Tensor name.</param>
/// <param name="Datatype">Element type.</param>
/// <param name="Shape">Full shape; -1 = variable (the batch dimension first when the model batches).</param>
public sealed record TensorSignature(string Name, TensorDatatype Datatype, long[] Shape);

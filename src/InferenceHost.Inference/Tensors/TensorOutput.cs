using InferenceHost.Tensors;
namespace InferenceHost.Inference.Tensors;

/// <summary>One result tensor, in the v2 binary layout; <see cref="Data"/> belongs to the caller.</summary>
/// <param name="Name">Output name.</param>
/// <param name="Datatype">Element type.</param>
/// <param name="Shape">Actual shape of this result.</param>
/// <param name="Data">Row-major element bytes.</param>
public readonly record struct TensorOutput(string Name, TensorDatatype Datatype, long[] Shape, ReadOnlyMemory<byte> Data);

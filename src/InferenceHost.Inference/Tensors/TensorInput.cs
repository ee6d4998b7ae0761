using InferenceHost.Tensors;
namespace InferenceHost.Inference.Tensors;

/// <summary>One request tensor, in the v2 binary layout (see <see cref="BytesElements"/> for BYTES).</summary>
/// <param name="Name">Input name.</param>
/// <param name="Datatype">v2 datatype name as the client sent it.</param>
/// <param name="Shape">Shape as the client sent it.</param>
/// <param name="Data">Row-major element bytes.</param>
public readonly record struct TensorInput(string Name, string Datatype, long[] Shape, ReadOnlyMemory<byte> Data);

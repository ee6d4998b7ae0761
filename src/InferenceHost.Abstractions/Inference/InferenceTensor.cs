namespace InferenceHost.Abstractions.Inference;

/// <summary>
/// One named tensor on the wire. <see cref="Data"/> holds the elements row-major in the
/// v2 binary layout: little-endian fixed-size elements, BOOL as one byte, and BYTES as
/// a 4-byte little-endian length before each element (the layout Triton's binary
/// extension and gRPC <c>raw_input_contents</c> use, so those arrive without conversion).
/// </summary>
/// <param name="Name">Tensor name as the model declares it.</param>
/// <param name="Datatype">v2 datatype string, e.g. <c>FP32</c>.</param>
/// <param name="Shape">Full shape including any batch dimension.</param>
/// <param name="Data">Raw element bytes.</param>
[GenerateSerializer, Immutable, Alias("InferenceHost.InferenceTensor")]
public sealed record InferenceTensor(
    [property: Id(0)] string Name,
    [property: Id(1)] string Datatype,
    [property: Id(2)] long[] Shape,
    [property: Id(3)] ReadOnlyMemory<byte> Data);

namespace InferenceHost.Api.Grpc;

/// <summary>One <c>InferInputTensor</c> of a <see cref="GrpcInferRequest"/>.</summary>
/// <param name="Name">The input's name.</param>
/// <param name="Datatype">The datatype as sent.</param>
/// <param name="Shape">The shape, packed and unpacked entries in wire order.</param>
/// <param name="Parameters">The input's <c>parameters</c>.</param>
/// <param name="Contents">The input's typed <c>contents</c>.</param>
internal readonly record struct GrpcInferInput(
    string Name, string Datatype, long[] Shape, GrpcParameters Parameters, GrpcTensorContents Contents);

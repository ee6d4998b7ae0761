namespace InferenceHost.Api.Grpc;

/// <summary>One <c>InferRequestedOutputTensor</c> of a <see cref="GrpcInferRequest"/>.</summary>
/// <param name="Name">The output's name.</param>
/// <param name="Parameters">The output's <c>parameters</c>.</param>
internal readonly record struct GrpcRequestedOutput(string Name, GrpcParameters Parameters);

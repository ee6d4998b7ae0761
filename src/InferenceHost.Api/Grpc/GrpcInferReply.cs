using InferenceHost.Abstractions.Inference;
using InferenceHost.Api.Grpc.Protocol;
using InferenceHost.Api.Routing;

namespace InferenceHost.Api.Grpc;

/// <summary>
/// A <c>ModelInfer</c> answer as <see cref="GrpcInferReplyWriter"/> writes it: the wire form of a
/// <see cref="ModelInferResponse"/>, without the message objects (maps, repeated fields, parameter
/// messages) that building one would allocate per request.
/// </summary>
/// <param name="Response">What the model answered; its outputs are already validated.</param>
/// <param name="Contents">Each output's typed contents, in output order; null when the outputs go in <c>raw_output_contents</c>.</param>
/// <param name="Route">The served decision, its version filled in: sent as the response's parameters.</param>
internal sealed record GrpcInferReply(InferenceResponse Response, InferTensorContents[]? Contents, RouteDecision Route);

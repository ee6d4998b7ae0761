using System.Buffers;

namespace InferenceHost.Api.Grpc;

/// <summary>
/// A <c>ModelInferRequest</c> as the server reads it, parsed by <see cref="GrpcInferRequestParser"/> from one
/// copy of the message's bytes instead of the generated message objects: strings and shapes are read out,
/// while raw input contents, typed contents and parameters stay views over that copy (which the GC keeps as
/// long as any of them is referenced, tensors passed on included).
/// </summary>
internal sealed class GrpcInferRequest : IHandParsedMessage<GrpcInferRequest>
{
    public static string ProtoName => "ModelInferRequest";

    public required string ModelName { get; init; }

    /// <summary>The version asked for; empty when the server is to choose.</summary>
    public required string ModelVersion { get; init; }

    public required string Id { get; init; }

    public required GrpcParameters Parameters { get; init; }

    public required GrpcInferInput[] Inputs { get; init; }

    public required GrpcRequestedOutput[] Outputs { get; init; }

    /// <summary>The <c>raw_input_contents</c> entries, slices of the message's bytes.</summary>
    public required ReadOnlyMemory<byte>[] RawInputContents { get; init; }

    public static GrpcInferRequest Parse(ReadOnlySequence<byte> payload) => GrpcInferRequestParser.Parse(payload);
}

using System.Buffers;
using InferenceHost.Api.Http;

namespace InferenceHost.Api.Grpc;

/// <summary>
/// A <c>ModelInferRequest</c> as the server reads it, parsed by <see cref="GrpcInferRequestParser"/> from one
/// copy of the message's bytes instead of the generated message objects: strings and shapes are read out,
/// while raw input contents, typed contents and parameters stay views over that copy. A small copy is the GC's;
/// a large one is pooled and goes back at <see cref="Release"/>, after which nothing may read those views.
/// </summary>
internal sealed class GrpcInferRequest : IHandParsedMessage<GrpcInferRequest>
{
    private RentedBody _message;

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

    /// <summary>Takes the copy of the message the request was parsed from, pooled when large (see <see cref="RentedBody"/>).</summary>
    internal void Own(RentedBody message) => _message = message;

    public static GrpcInferRequest Parse(ReadOnlySequence<byte> payload) => GrpcInferRequestParser.Parse(payload);

    /// <summary>Keeps the message's array out of the pool for good: a shadow request may read it after the reply.</summary>
    public void Detach() => _message.Detach();

    /// <summary>Gives a rented message array back to the pool; nothing may read this request afterwards.</summary>
    public void Release() => _message.Dispose();
}

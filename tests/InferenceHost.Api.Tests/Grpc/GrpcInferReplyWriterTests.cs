using Google.Protobuf;
using InferenceHost.Abstractions.Inference;
using InferenceHost.Api.Grpc;
using InferenceHost.Api.Grpc.Protocol;
using InferenceHost.Api.Routing;
using OutputTensor = InferenceHost.Api.Grpc.Protocol.ModelInferResponse.Types.InferOutputTensor;

namespace InferenceHost.Api.Tests.Grpc;

public sealed class GrpcInferReplyWriterTests
{
    internal static readonly RouteDecision Served = new("1", RouteSlots.Default, RouteReasons.Url, 7);

    public static TheoryData<string?, long> Identities => new()
    {
        { null, 0 },
        { "req-1", 7 },
        { "ünïcødé-id", long.MaxValue },
        { "", -1 },
    };

    [Theory]
    [MemberData(nameof(Identities))]
    public void Write_RawReply_IsByteForByteTheGeneratedSerialization(string? id, long revision)
    {
        InferenceTensor[] outputs =
        [
            new("probabilities", "FP32", [1, 3], LittleEndian.Of(0.1f, 0.2f, 0.7f)),
            new("label", "INT64", [1], LittleEndian.Of(2L)),
            new("empty", "FP32", [0, 3], Array.Empty<byte>()),
        ];
        var response = new InferenceResponse("iris-mlp", "1", id, outputs);
        var route = Served with { Revision = revision };

        var written = Write(GrpcInferCodec.Encode(response, requestUsedRaw: true, route));

        Assert.Equal(Generated(response, route, typed: null).ToByteArray(), written);
    }

    [Fact]
    public void Write_TypedReply_IsByteForByteTheGeneratedSerialization()
    {
        var response = new InferenceResponse("m", "2", "x", [new("y", "INT32", [2], LittleEndian.Of(-1, 5))]);
        var typed = new InferTensorContents();
        typed.IntContents.Add([-1, 5]);

        var written = Write(GrpcInferCodec.Encode(response, requestUsedRaw: false, Served));

        Assert.Equal(Generated(response, Served, [typed]).ToByteArray(), written);
    }

    [Fact]
    public void Encode_RawIrisReply_AllocatesOnlyTheReply()
    {
        var response = new InferenceResponse("iris-mlp", "1", null,
            [new("probabilities", "FP32", [1, 3], LittleEndian.Of(0.1f, 0.2f, 0.7f)), new("label", "INT64", [1], LittleEndian.Of(2L))]);
        var buffer = new byte[256];
        Write(GrpcInferCodec.Encode(response, requestUsedRaw: true, Served), buffer);

        var before = GC.GetAllocatedBytesForCurrentThread();
        Write(GrpcInferCodec.Encode(response, requestUsedRaw: true, Served), buffer);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // The GrpcInferReply object alone (the old message objects took about 2 KB).
        Assert.InRange(allocated, 0, 64);
    }

    internal static ModelInferResponse Parse(GrpcInferReply reply) => ModelInferResponse.Parser.ParseFrom(Write(reply));

    private static byte[] Write(GrpcInferReply reply)
    {
        var bytes = new byte[GrpcInferReplyWriter.Size(reply)];
        GrpcInferReplyWriter.Write(reply, bytes);
        return bytes;
    }

    private static void Write(GrpcInferReply reply, byte[] buffer) =>
        GrpcInferReplyWriter.Write(reply, buffer.AsSpan(0, GrpcInferReplyWriter.Size(reply)));

    /// <summary>The message the host used to build per reply, as the generated code serializes it.</summary>
    private static ModelInferResponse Generated(InferenceResponse response, RouteDecision route, InferTensorContents[]? typed)
    {
        var message = new ModelInferResponse { ModelName = response.ModelName, ModelVersion = response.ModelVersion, Id = response.Id ?? string.Empty };
        message.Parameters[RoutingHeaders.ModelVersion] = new InferParameter { StringParam = route.Version };
        message.Parameters[RoutingHeaders.Slot] = new InferParameter { StringParam = route.Slot };
        message.Parameters[RoutingHeaders.Reason] = new InferParameter { StringParam = route.Reason };
        message.Parameters[RoutingHeaders.Revision] = new InferParameter { Int64Param = route.Revision };
        for (var i = 0; i < response.Outputs.Count; i++)
        {
            var output = response.Outputs[i];
            var tensor = new OutputTensor { Name = output.Name, Datatype = output.Datatype, Contents = typed?[i] };
            tensor.Shape.AddRange(output.Shape);
            message.Outputs.Add(tensor);
            if (typed is null)
            {
                message.RawOutputContents.Add(ByteString.CopyFrom(output.Data.Span));
            }
        }

        return message;
    }
}

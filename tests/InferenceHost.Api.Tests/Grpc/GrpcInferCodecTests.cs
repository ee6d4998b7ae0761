using Google.Protobuf;
using InferenceHost.Abstractions.Inference;
using InferenceHost.Api.Grpc;
using InferenceHost.Api.Grpc.Protocol;
using InferTensor = InferenceHost.Api.Grpc.Protocol.ModelInferRequest.Types.InferInputTensor;

namespace InferenceHost.Api.Tests.Grpc;

public sealed class GrpcInferCodecTests
{
    public static TheoryData<string, byte[], Action<InferTensorContents>> TypedContents => new()
    {
        { "BOOL", [1, 0], c => c.BoolContents.Add([true, false]) },
        { "INT8", LittleEndian.Of<sbyte>(-128, 127), c => c.IntContents.Add([-128, 127]) },
        { "INT16", LittleEndian.Of<short>(-32768, 32767), c => c.IntContents.Add([-32768, 32767]) },
        { "INT32", LittleEndian.Of(int.MinValue, int.MaxValue), c => c.IntContents.Add([int.MinValue, int.MaxValue]) },
        { "INT64", LittleEndian.Of(long.MinValue, 3L), c => c.Int64Contents.Add([long.MinValue, 3]) },
        { "UINT8", [0, 255], c => c.UintContents.Add([0, 255]) },
        { "UINT16", LittleEndian.Of<ushort>(0, 65535), c => c.UintContents.Add([0, 65535]) },
        { "UINT32", LittleEndian.Of(0u, uint.MaxValue), c => c.UintContents.Add([0, uint.MaxValue]) },
        { "UINT64", LittleEndian.Of(0UL, ulong.MaxValue), c => c.Uint64Contents.Add([0, ulong.MaxValue]) },
        { "FP32", LittleEndian.Of(1.5f, float.NaN), c => c.Fp32Contents.Add([1.5f, float.NaN]) },
        { "FP64", LittleEndian.Of(0.1, -2.0), c => c.Fp64Contents.Add([0.1, -2.0]) },
        { "BYTES", LittleEndian.Strings("hi", ""), c => c.BytesContents.Add([ByteString.CopyFromUtf8("hi"), ByteString.Empty]) },
    };

    [Theory]
    [MemberData(nameof(TypedContents))]
    public void Decode_TypedContents_GivesTheBinaryLayout(string datatype, byte[] expected, Action<InferTensorContents> fill)
    {
        var request = Request(datatype, [2], fill);

        var decoded = GrpcInferCodec.Decode(Parsed(request), out var usedRaw);

        Assert.False(usedRaw);
        Assert.Equal(expected, decoded.Inputs[0].Data.ToArray());
    }

    [Theory]
    [MemberData(nameof(TypedContents))]
    public void Encode_TypedResponse_RoundTripsToTheSameContents(string datatype, byte[] data, Action<InferTensorContents> fill)
    {
        var expected = new InferTensorContents();
        fill(expected);

        var message = Encode(new InferenceResponse("m", "1", "id", [new("y", datatype, [2], data)]), requestUsedRaw: false);

        Assert.Empty(message.RawOutputContents);
        Assert.Equal(expected, message.Outputs[0].Contents);
        Assert.Equal(("m", "1", "id"), (message.ModelName, message.ModelVersion, message.Id));
        Assert.Equal([2L], message.Outputs[0].Shape);
    }

    [Fact]
    public void RawContents_RoundTripWithoutConversion()
    {
        var request = Request("FP16", [2], _ => { });
        var bytes = LittleEndian.Of((Half)1, (Half)(-2));
        request.RawInputContents.Add(ByteString.CopyFrom(bytes));

        var decoded = GrpcInferCodec.Decode(Parsed(request), out var usedRaw);
        var message = Encode(new InferenceResponse("m", "1", null, [decoded.Inputs[0] with { Name = "y" }]), usedRaw);

        Assert.True(usedRaw);
        Assert.Equal(bytes, decoded.Inputs[0].Data.ToArray());
        Assert.Equal(bytes, message.RawOutputContents[0].ToByteArray());
        Assert.Null(message.Outputs[0].Contents);
        Assert.Equal(string.Empty, message.Id);
    }

    [Fact]
    public void Encode_OutputWithoutTypedForm_SwitchesTheWholeResponseToRaw()
    {
        InferenceTensor[] outputs = [new("a", "FP32", [1], LittleEndian.Of(1f)), new("b", "BF16", [1], LittleEndian.Of<ushort>(0x3F80))];

        var message = Encode(new InferenceResponse("m", "1", null, outputs), requestUsedRaw: false);

        Assert.Equal(2, message.RawOutputContents.Count);
        Assert.All(message.Outputs, o => Assert.Null(o.Contents));
    }

    [Theory]
    [InlineData("FP32", "input 'x': shape [2] needs 2 elements but contents.fp32_contents has 1")]
    [InlineData("INT8", "input 'x': contents element 1 (200) is out of range for INT8")]
    [InlineData("UINT16", "input 'x': contents element 0 (70000) is out of range for UINT16")]
    [InlineData("FP16", "input 'x': FP16 has no typed contents; send it in raw_input_contents")]
    [InlineData("FLOAT", "input 'x': unknown datatype 'FLOAT'")]
    public void Decode_BadTypedContents_FailsWithExactMessage(string datatype, string message)
    {
        var request = Request(datatype, [2], c =>
        {
            c.Fp32Contents.Add(1f);
            c.IntContents.Add([1, 200]);
            c.UintContents.Add([70000, 1]);
        });

        var error = Assert.Throws<InferenceException>(() => GrpcInferCodec.Decode(Parsed(request), out _));

        Assert.Equal(InferenceErrorKind.InvalidInput, error.Kind);
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Decode_RawSizeNotMatchingShape_FailsWithExactMessage()
    {
        var request = Request("FP32", [2], _ => { });
        request.RawInputContents.Add(ByteString.CopyFrom(new byte[7]));

        var error = Assert.Throws<InferenceException>(() => GrpcInferCodec.Decode(Parsed(request), out _));

        Assert.Equal("input 'x': shape [2] of FP32 needs 8 bytes but raw_input_contents has 7", error.Message);
    }

    [Fact]
    public void Decode_RawAndTypedMixed_IsRejected()
    {
        var request = Request("FP32", [1], c => c.Fp32Contents.Add(1f));
        request.RawInputContents.Add(ByteString.CopyFrom(LittleEndian.Of(1f)));

        var error = Assert.Throws<InferenceException>(() => GrpcInferCodec.Decode(Parsed(request), out _));

        Assert.Equal("input 'x' has contents although the request uses raw_input_contents", error.Message);
    }

    [Fact]
    public void Decode_RawEntriesNotMatchingInputs_IsRejected()
    {
        var request = Request("FP32", [1], _ => { });
        request.RawInputContents.Add([ByteString.Empty, ByteString.Empty]);

        var error = Assert.Throws<InferenceException>(() => GrpcInferCodec.Decode(Parsed(request), out _));

        Assert.Equal("raw_input_contents has 2 entries but the request has 1 inputs", error.Message);
    }

    [Fact]
    public void Decode_RequestedOutputsAndId_ArePassedOn()
    {
        var request = Request("FP32", [1], c => c.Fp32Contents.Add(1f));
        request.Id = "abc";
        request.Outputs.Add(new ModelInferRequest.Types.InferRequestedOutputTensor { Name = "label" });

        var decoded = GrpcInferCodec.Decode(Parsed(request), out _);

        Assert.Equal("abc", decoded.Id);
        Assert.Equal(["label"], decoded.OutputNames);
    }

    /// <summary>The request as the server reads it: written by the generated code, read by the host's parser.</summary>
    private static GrpcInferRequest Parsed(ModelInferRequest request) => GrpcInferRequestParser.Parse(request.ToByteArray());

    /// <summary>The reply as a client reads it: written by the host's writer, parsed by the generated parser.</summary>
    private static ModelInferResponse Encode(InferenceResponse response, bool requestUsedRaw) =>
        GrpcInferReplyWriterTests.Parse(GrpcInferCodec.Encode(response, requestUsedRaw, GrpcInferReplyWriterTests.Served));

    private static ModelInferRequest Request(string datatype, long[] shape, Action<InferTensorContents> fill)
    {
        var input = new InferTensor { Name = "x", Datatype = datatype, Contents = new InferTensorContents() };
        input.Shape.Add(shape);
        fill(input.Contents);
        var request = new ModelInferRequest { ModelName = "m" };
        request.Inputs.Add(input);
        return request;
    }
}

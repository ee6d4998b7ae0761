using Google.Protobuf;
using Grpc.Core;
using InferenceHost.Api.Grpc.Protocol;
using InferenceHost.Api.Tests.Grpc;
using InferenceHost.Tests.Common;

namespace InferenceHost.Api.Tests.Hosting;

/// <summary>
/// <c>ModelInfer</c> bytes as clients other than Google.Protobuf's may write them, sent as they are to the host: every
/// valid wire form of a request gets the answer its canonical form gets, and bytes that are not a request get
/// INVALID_ARGUMENT without disturbing the server.
/// </summary>
[Collection(ApiHostCollection.Name)]
public sealed class GrpcWireFormEndpointTests(ApiHostFixture host)
{
    private const string MalformedPrefix = "malformed ModelInferRequest protobuf: ";

    [Theory]
    [InlineData("0A 64 69 72 69", "the message ends in the middle of a field (truncated, or a length that runs past its end)")]
    [InlineData("0A 08 69 72 69 73 2D 6D 6C 70 10", "the message ends in the middle of a field (truncated, or a length that runs past its end)")]
    [InlineData("0A 08 69 72 69 73 2D 6D 6C 70 0F", "field 1 has the invalid wire type 7")]
    [InlineData("0A 02 C3 28", "a string field is not valid UTF-8")]
    [InlineData("0A 08 69 72 69 73 2D 6D 6C 70 0C", "field 1 ends a group that was never started")]
    [InlineData("0A 08 69 72 69 73 2D 6D 6C 70 2A 0A 2A 08 32 06 00 00 80 3F 00 00", "packed contents field 6 is not a whole number of 4-byte values")]
    public async Task ModelInfer_MalformedProtobuf_IsInvalidArgumentThenStillServes(string hex, string reason)
    {
        var bytes = Convert.FromHexString(hex.Replace(" ", string.Empty, StringComparison.Ordinal));

        var error = await Assert.ThrowsAsync<RpcException>(() => Send(bytes));

        Assert.Equal((StatusCode.InvalidArgument, MalformedPrefix + reason), (error.StatusCode, error.Status.Detail));
        var response = ModelInferResponse.Parser.ParseFrom(await Send(Canonical(raw: true).ToByteArray()));
        Assert.Equal("3", response.ModelVersion);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ModelInfer_AnyValidWireForm_GetsTheCanonicalAnswer(bool raw)
    {
        var canonical = await Send(Canonical(raw).ToByteArray());

        var answer = await Send(Scrambled(raw));

        Assert.Equal(ModelInferResponse.Parser.ParseFrom(canonical), ModelInferResponse.Parser.ParseFrom(answer));
    }

    [Fact]
    public async Task ModelInfer_WrongWireTypeForAKnownField_IsSkippedAsTheGeneratedParserSkipsIt()
    {
        // Field 1 (model_name) as a varint is an unknown field to the generated code: the real name still counts.
        var bytes = new WireWriter().Tag(1, 0).Varint(7).Raw(Canonical(raw: true).ToByteArray()).ToArray();

        var response = ModelInferResponse.Parser.ParseFrom(await Send(bytes));

        Assert.Equal(("iris-mlp", "g1"), (response.ModelName, response.Id));
    }

    private Task<byte[]> Send(byte[] bytes) =>
        host.GrpcChannel.CreateCallInvoker().AsyncUnaryCall(RawGrpcMethods.ModelInfer, null, default, bytes).ResponseAsync;

    private static ModelInferRequest Canonical(bool raw)
    {
        var request = new ModelInferRequest { ModelName = "iris-mlp", Id = "g1" };
        var input = new ModelInferRequest.Types.InferInputTensor { Name = "input", Datatype = "FP32", Shape = { 1, 4 } };
        request.Inputs.Add(input);
        request.Outputs.Add(new ModelInferRequest.Types.InferRequestedOutputTensor { Name = "label" });
        if (raw)
        {
            request.RawInputContents.Add(ByteString.CopyFrom(LittleEndian.Of(IrisAssert.OneFlower)));
        }
        else
        {
            input.Contents = new InferTensorContents { Fp32Contents = { IrisAssert.OneFlower } };
        }

        return request;
    }

    /// <summary>
    /// The canonical request with the wire's liberties: fields backwards and repeated (the last wins), unknown fields of
    /// every wire type at every level, the shape unpacked, and typed contents split over two <c>contents</c> fields.
    /// </summary>
    private static byte[] Scrambled(bool raw)
    {
        var input = new WireWriter();
        Unknowns(input);
        var firstHalf = new WireWriter().Tag(6, 5).Fixed32(BitConverter.SingleToUInt32Bits(IrisAssert.OneFlower[0]));
        Unknowns(firstHalf);
        var secondHalf = new WireWriter();
        foreach (var value in IrisAssert.OneFlower[1..])
        {
            secondHalf.Tag(6, 5).Fixed32(BitConverter.SingleToUInt32Bits(value));
        }

        if (!raw)
        {
            input.Field(5, firstHalf.ToArray());
        }

        input.Tag(3, 0).Varint(1).Field(2, "FP64"u8).Field(1, "input"u8).Tag(3, 0).Varint(4).Field(2, "FP32"u8);
        if (!raw)
        {
            input.Field(5, secondHalf.ToArray());
        }

        var output = new WireWriter();
        Unknowns(output);
        output.Field(1, "label"u8);

        var request = new WireWriter();
        Unknowns(request);
        if (raw)
        {
            request.Field(7, LittleEndian.Of(IrisAssert.OneFlower));
        }

        request.Field(6, output.ToArray()).Field(3, "g1"u8).Field(5, input.ToArray()).Field(1, "nope"u8);
        Unknowns(request);
        return request.Field(1, "iris-mlp"u8).ToArray();
    }

    private static void Unknowns(WireWriter message) =>
        message.Tag(100, 0).Varint(ulong.MaxValue).Tag(101, 1).Fixed64(7).Tag(102, 2).Bytes([1, 2, 3]).Tag(103, 5).Fixed32(9)
            .Tag(104, 3).Tag(105, 0).Varint(1).Tag(104, 4);
}

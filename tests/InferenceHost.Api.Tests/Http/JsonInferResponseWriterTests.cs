using System.Buffers;
using System.Text;
using InferenceHost.Abstractions.Inference;
using InferenceHost.Api.Http;

namespace InferenceHost.Api.Tests.Http;

public sealed class JsonInferResponseWriterTests
{
    private static readonly InferenceTensor Probabilities = new("probabilities", "FP32", [1, 3], LittleEndian.Of(0.5f, 0.25f, 0.25f));
    private static readonly InferenceTensor Label = new("label", "INT64", [1], LittleEndian.Of(2L));

    [Fact]
    public void Write_JsonOutputs_WritesFlatDataWithVersionAndId()
    {
        var (json, binary) = Write(new InferenceResponse("iris", "2", "42", [Probabilities, Label]), binaryByDefault: false);

        Assert.Equal(
            """{"model_name":"iris","model_version":"2","id":"42","outputs":[{"name":"probabilities","datatype":"FP32","shape":[1,3],"data":[0.5,0.25,0.25]},{"name":"label","datatype":"INT64","shape":[1],"data":[2]}]}""",
            json);
        Assert.Empty(binary);
    }

    [Fact]
    public void Write_BinaryOutputs_DeclareSizeAndOmitData()
    {
        var (json, binary) = Write(new InferenceResponse("iris", "2", null, [Probabilities, Label]), binaryByDefault: true);

        Assert.Equal(
            """{"model_name":"iris","model_version":"2","outputs":[{"name":"probabilities","datatype":"FP32","shape":[1,3],"parameters":{"binary_data_size":12}},{"name":"label","datatype":"INT64","shape":[1],"parameters":{"binary_data_size":8}}]}""",
            json);
        Assert.Equal([Probabilities.Data.ToArray(), Label.Data.ToArray()], binary.ConvertAll(b => b.ToArray()));
    }

    [Fact]
    public void Write_EveryDatatype_AsJsonValues()
    {
        InferenceTensor[] outputs =
        [
            new("b", "BOOL", [2], new byte[] { 1, 0 }),
            new("u8", "UINT8", [1], new byte[] { 255 }),
            new("u16", "UINT16", [1], LittleEndian.Of<ushort>(65535)),
            new("u32", "UINT32", [1], LittleEndian.Of(uint.MaxValue)),
            new("u64", "UINT64", [1], LittleEndian.Of(ulong.MaxValue)),
            new("i8", "INT8", [1], LittleEndian.Of<sbyte>(-128)),
            new("i16", "INT16", [1], LittleEndian.Of<short>(-32768)),
            new("i32", "INT32", [1], LittleEndian.Of(-7)),
            new("i64", "INT64", [1], LittleEndian.Of(long.MinValue)),
            new("f16", "FP16", [1], LittleEndian.Of((Half)1.5)),
            new("bf16", "BF16", [1], LittleEndian.Of<ushort>(0x3FC0)),
            new("f32", "FP32", [3], LittleEndian.Of(float.NaN, float.PositiveInfinity, float.NegativeInfinity)),
            new("f64", "FP64", [1], LittleEndian.Of(0.1)),
            new("s", "BYTES", [2], LittleEndian.Strings("é", "")),
        ];

        var (json, _) = Write(new InferenceResponse("m", "1", null, outputs), binaryByDefault: false);

        string[] expected =
        [
            "\"data\":[true,false]", "\"data\":[255]", "\"data\":[65535]", "\"data\":[4294967295]", "\"data\":[18446744073709551615]",
            "\"data\":[-128]", "\"data\":[-32768]", "\"data\":[-7]", "\"data\":[-9223372036854775808]", "\"data\":[1.5]",
            "\"data\":[1.5]", "\"data\":[\"NaN\",\"Infinity\",\"-Infinity\"]", "\"data\":[0.1]", "\"data\":[\"é\",\"\"]",
        ];
        foreach (var fragment in expected)
        {
            Assert.Contains(fragment, json, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Write_OutputBytesNotMatchingShape_IsAModelFailure()
    {
        var broken = new InferenceTensor("p", "FP32", [2], LittleEndian.Of(1f));

        var error = Assert.Throws<InferenceException>(() => Write(new InferenceResponse("m", "1", null, [broken]), binaryByDefault: false));

        Assert.Equal(InferenceErrorKind.ModelFailure, error.Kind);
        Assert.Equal("output 'p' has 4 bytes, which do not hold shape [2] of FP32", error.Message);
    }

    private static (string Json, List<ReadOnlyMemory<byte>> Binary) Write(InferenceResponse response, bool binaryByDefault)
    {
        var buffer = new ArrayBufferWriter<byte>();
        var binary = new List<ReadOnlyMemory<byte>>();
        var request = new HttpInferRequest(new InferenceRequest(response.Id, [], []), binaryByDefault, null);
        JsonInferResponseWriter.Write(buffer, response, request, binary);
        return (Encoding.UTF8.GetString(buffer.WrittenSpan), binary);
    }
}

using System.Text;
using InferenceHost.Abstractions.Inference;
using InferenceHost.Api.Http;

namespace InferenceHost.Api.Tests.Http;

public sealed class JsonInferRequestReaderTests
{
    [Fact]
    public void Read_JsonRequest_DecodesIdInputsAndOutputs()
    {
        var request = Read("""
            {"id":"42","parameters":{"my_custom_parameter":42,"nested":{"a":[1]}},
             "inputs":[{"name":"input0","shape":[2,2],"datatype":"UINT32","data":[1,2,3,4]},
                       {"data":[true],"name":"input1","datatype":"BOOL","shape":[1],"extra":{"x":1}}],
             "outputs":[{"name":"output0"}]}
            """);

        Assert.Equal("42", request.Request.Id);
        Assert.Equal(["output0"], request.Request.OutputNames);
        Assert.Collection(
            request.Request.Inputs,
            a =>
            {
                Assert.Equal(("input0", "UINT32"), (a.Name, a.Datatype));
                Assert.Equal([2L, 2], a.Shape);
                Assert.Equal(LittleEndian.Of(1u, 2u, 3u, 4u), a.Data.ToArray());
            },
            b => Assert.Equal([1], b.Data.ToArray()));
        Assert.False(request.WantsBinary("output0"));
    }

    [Fact]
    public void Read_NoOutputs_AsksForAll()
    {
        var request = Read("""{"inputs":[{"name":"x","shape":[1],"datatype":"FP32","data":[1]}]}""");

        Assert.Null(request.Request.Id);
        Assert.Empty(request.Request.OutputNames);
    }

    [Fact]
    public void Read_BinaryExtension_SlicesInputsInOrderWithoutCopying()
    {
        var json = """
            {"inputs":[{"name":"a","shape":[2],"datatype":"FP32","parameters":{"binary_data_size":8}},
                       {"name":"b","shape":[1],"datatype":"INT64","data":[5]},
                       {"name":"c","shape":[2],"datatype":"BYTES","parameters":{"binary_data_size":13}}],
             "outputs":[{"name":"p","parameters":{"binary_data":true}},{"name":"q","parameters":{"binary_data":false}}]}
            """u8.ToArray();
        byte[] body = [.. json, .. LittleEndian.Of(1f, 2f), .. LittleEndian.Strings("hi", "you")];

        var request = JsonInferRequestReader.Read(body, json.Length);

        Assert.Equal(LittleEndian.Of(1f, 2f), request.Request.Inputs[0].Data.ToArray());
        Assert.Equal(LittleEndian.Of(5L), request.Request.Inputs[1].Data.ToArray());
        Assert.Equal(LittleEndian.Strings("hi", "you"), request.Request.Inputs[2].Data.ToArray());
        Assert.True(System.Runtime.InteropServices.MemoryMarshal.TryGetArray(request.Request.Inputs[0].Data, out var segment));
        Assert.Same(body, segment.Array);
        Assert.True(request.WantsBinary("p"));
        Assert.False(request.WantsBinary("q"));
        Assert.False(request.WantsBinary("other"));
    }

    [Fact]
    public void Read_BinaryDataOutput_AppliesToEveryOutputUnlessOverridden()
    {
        var request = Read("""
            {"parameters":{"binary_data_output":true},
             "inputs":[{"name":"x","shape":[1],"datatype":"FP32","data":[1]}],
             "outputs":[{"name":"a"},{"name":"b","parameters":{"binary_data":false}}]}
            """);

        Assert.True(request.WantsBinary("a"));
        Assert.False(request.WantsBinary("b"));
    }

    [Theory]
    [InlineData("""{"inputs":[{"data":[1,2,}]}""", "malformed JSON at line 1, byte 25: '}' is an invalid start of a value.")]
    [InlineData("{\"inputs\":\n[{\"name\":\"x\",}]}", "malformed JSON at line 2, byte 14: The JSON object contains a trailing comma at the end which is not supported in this mode. Change the reader options.")]
    [InlineData("""{"inputs":[]} trailing""", "malformed JSON at line 1, byte 15: 't' is invalid after a single JSON value. Expected end of data.")]
    [InlineData("", "malformed JSON at line 1, byte 1: The input does not contain any JSON tokens. Expected the input to start with a valid JSON token, when isFinalBlock is true.")]
    [InlineData("[]", "the request body must be a JSON object")]
    [InlineData("""{"id":"1"}""", "the request has no 'inputs'")]
    [InlineData("""{"inputs":{}}""", "'inputs' must be an array of objects")]
    [InlineData("""{"inputs":[3]}""", "'inputs' must be an array of objects")]
    [InlineData("""{"id":7,"inputs":[]}""", "'id' must be a string")]
    [InlineData("""{"parameters":[],"inputs":[]}""", "'parameters' must be an object")]
    [InlineData("""{"parameters":{"binary_data_output":"yes"},"inputs":[]}""", "parameter 'binary_data_output' must be true or false")]
    [InlineData("""{"inputs":[{"shape":[1],"datatype":"FP32","data":[1]}]}""", "input 0 has no 'name'")]
    [InlineData("""{"inputs":[{"name":5}]}""", "input 0: 'name' must be a string")]
    [InlineData("""{"inputs":[{"name":"x","shape":[1],"data":[1]}]}""", "input 'x' has no 'datatype'")]
    [InlineData("""{"inputs":[{"name":"x","datatype":"FP32","data":[1]}]}""", "input 'x' has no 'shape'")]
    [InlineData("""{"inputs":[{"name":"x","shape":[1],"datatype":"FP32"}]}""", "input 'x' has no 'data'")]
    [InlineData("""{"inputs":[{"shape":[1.5],"name":"x","datatype":"FP32","data":[1]}]}""", "input 'x': 'shape' must be an array of integers")]
    [InlineData("""{"inputs":[{"name":"x","shape":"2","datatype":"FP32","data":[1]}]}""", "input 'x': 'shape' must be an array of integers")]
    [InlineData("""{"inputs":[{"name":"x","shape":[1],"datatype":"FLOAT32","data":[1]}]}""", "input 'x': unknown datatype 'FLOAT32'")]
    [InlineData("""{"inputs":[{"name":"x","shape":[1],"datatype":"FP32","data":[1]},{"name":"x","shape":[1],"datatype":"FP32","data":[1]}]}""", "input 'x' appears more than once")]
    [InlineData("""{"inputs":[{"name":"x","shape":[1],"datatype":"FP32","parameters":{"binary_data_size":4}}]}""", "input 'x': binary_data_size needs the Inference-Header-Content-Length header")]
    [InlineData("""{"inputs":[{"name":"x","shape":[1],"datatype":"FP32","parameters":{"binary_data_size":-4}}]}""", "input 'x': parameter 'binary_data_size' must be a non-negative integer")]
    [InlineData("""{"inputs":[{"name":"x","shape":[1],"datatype":"FP32","parameters":{"shared_memory_region":"r"}}]}""", "input 'x': shared memory is not supported")]
    [InlineData("""{"inputs":[{"name":"x","shape":[1],"datatype":"FP32","parameters":[4],"data":[1]}]}""", "input 'x': 'parameters' must be an object")]
    [InlineData("""{"inputs":[{"parameters":"p","name":"x","shape":[1],"datatype":"FP32","data":[1]}]}""", "input 0: 'parameters' must be an object")]
    [InlineData("""{"inputs":[],"outputs":[{"parameters":{}}]}""", "output 0 has no 'name'")]
    [InlineData("""{"inputs":[],"outputs":[{"name":"y","parameters":{"classification":3}}]}""", "output 'y': the classification extension is not supported")]
    [InlineData("""{"inputs":[],"outputs":[{"name":"y","parameters":{"binary_data":1}}]}""", "output 'y': parameter 'binary_data' must be true or false")]
    public void Read_MalformedRequest_FailsWithExactMessage(string json, string message)
    {
        var error = Assert.Throws<InferenceException>(() => Read(json));

        Assert.Equal(InferenceErrorKind.InvalidInput, error.Kind);
        Assert.Equal(message, error.Message);
    }

    [Theory]
    [InlineData(4, 4, "input 'a': shape [2] of FP32 needs 8 bytes but its binary data has 4")]
    [InlineData(4, 8, "input 'a': binary_data_size 8 runs past the end of the body (4 bytes of binary data left)")]
    [InlineData(12, 8, "the body has 12 bytes of binary data after the JSON header but the inputs declare 8")]
    public void Read_BinarySizesThatDoNotAddUp_FailWithExactMessage(int sent, int declared, string message)
    {
        var json = Encoding.UTF8.GetBytes(
            $$$"""{"inputs":[{"name":"a","shape":[2],"datatype":"FP32","parameters":{"binary_data_size":{{{declared}}}}}]}""");
        byte[] body = [.. json, .. new byte[sent]];

        var error = Assert.Throws<InferenceException>(() => JsonInferRequestReader.Read(body, json.Length));

        Assert.Equal(message, error.Message);
    }

    [Theory]
    [InlineData("{\"id\":\"\xff\",\"inputs\":[]}", "'id' is not valid UTF-8")]
    [InlineData("{\"inputs\":[{\"name\":\"t\",\"shape\":[1],\"datatype\":\"BYTES\",\"data\":[\"\xff\"]}]}", "input 't': data element 0 is not valid UTF-8")]
    public void Read_InvalidUtf8InStrings_IsRefused(string latin1Json, string message)
    {
        var body = System.Text.Encoding.Latin1.GetBytes(latin1Json);

        var error = Assert.Throws<InferenceException>(() => JsonInferRequestReader.Read(body, headerLength: null));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Read_BinaryBytesTensorWithBadLengths_FailsNamingTheElement()
    {
        var json = """{"inputs":[{"name":"t","shape":[2],"datatype":"BYTES","parameters":{"binary_data_size":9}}]}"""u8.ToArray();
        byte[] body = [.. json, .. LittleEndian.Strings("a"), 9, 0, 0, 0];

        var error = Assert.Throws<InferenceException>(() => JsonInferRequestReader.Read(body, json.Length));

        Assert.Equal("input 't': its binary data is not valid BYTES data: element 1 declares 9 bytes but only 0 remain", error.Message);
    }

    private static HttpInferRequest Read(string json) => JsonInferRequestReader.Read(Encoding.UTF8.GetBytes(json), headerLength: null);
}

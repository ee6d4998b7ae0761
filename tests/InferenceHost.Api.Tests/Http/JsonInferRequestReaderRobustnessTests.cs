using System.Text;
using InferenceHost.Abstractions.Inference;
using InferenceHost.Api.Http;

namespace InferenceHost.Api.Tests.Http;

/// <summary>Whatever bytes a client sends, decoding ends in a result or a 400, never another exception.</summary>
public sealed class JsonInferRequestReaderRobustnessTests
{
    private static readonly string[] Seeds =
    [
        """{"id":"1","parameters":{"binary_data_output":true},"inputs":[{"name":"a","shape":[2,2],"datatype":"FP32","data":[[1,2],[3,4]]},{"name":"b","shape":[2],"datatype":"BYTES","data":["x","yz"]}],"outputs":[{"name":"o","parameters":{"binary_data":true}}]}""",
        """{"inputs":[{"name":"i","shape":[3],"datatype":"INT8","data":[1,-2,3]},{"name":"u","shape":[1],"datatype":"UINT64","data":[18446744073709551615]},{"name":"t","shape":[2],"datatype":"BOOL","data":[true,false]}]}""",
    ];

    private static readonly byte[] Alphabet = [.. "[]{}\",:0123456789-.eE "u8, 0xFF, 0x00];

    [Fact]
    public void Read_MutatedJson_FailsOnlyWithInvalidInput()
    {
        var random = new Random(20240601);
        for (var round = 0; round < 20_000; round++)
        {
            var body = Mutate(Encoding.UTF8.GetBytes(Seeds[round % Seeds.Length]), random);
            AssertDecodesOrRefuses(body, headerLength: null);
        }
    }

    [Fact]
    public void Read_MutatedBinaryRequests_FailOnlyWithInvalidInput()
    {
        var random = new Random(7);
        var json = """{"inputs":[{"name":"a","shape":[2],"datatype":"FP32","parameters":{"binary_data_size":8}},{"name":"s","shape":[2],"datatype":"BYTES","parameters":{"binary_data_size":11}}]}"""u8.ToArray();
        byte[] seed = [.. json, .. LittleEndian.Of(1f, 2f), .. LittleEndian.Strings("ab", "c")];
        for (var round = 0; round < 20_000; round++)
        {
            var body = Mutate(seed, random);
            AssertDecodesOrRefuses(body, random.Next(0, body.Length + 1));
        }
    }

    private static void AssertDecodesOrRefuses(byte[] body, int? headerLength)
    {
        try
        {
            JsonInferRequestReader.Read(body, headerLength);
        }
        catch (InferenceException error) when (error.Kind == InferenceErrorKind.InvalidInput)
        {
            Assert.False(string.IsNullOrWhiteSpace(error.Message));
        }
    }

    private static byte[] Mutate(byte[] seed, Random random)
    {
        var body = (byte[])seed.Clone();
        switch (random.Next(3))
        {
            case 0:
                return body[..random.Next(body.Length)];
            case 1:
                for (var flips = random.Next(1, 4); flips > 0; flips--)
                {
                    body[random.Next(body.Length)] = Alphabet[random.Next(Alphabet.Length)];
                }

                return body;
            default:
                var at = random.Next(body.Length);
                var end = Math.Min(body.Length, at + random.Next(1, 8));
                return [.. body[..at], .. body[end..]];
        }
    }
}

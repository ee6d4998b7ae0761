using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using InferenceHost.Benchmarks.Workloads;

namespace InferenceHost.Benchmarks.Targets;

/// <summary>
/// Triton's binary tensor extension: a JSON header (its length in <c>Inference-Header-Content-Length</c>)
/// followed by the raw little-endian input, and outputs asked back in binary (<c>binary_data_output</c>).
/// </summary>
internal sealed class BinaryInferEncoding : IHttpInferEncoding
{
    public const string HeaderLengthHeader = "Inference-Header-Content-Length";

    private static readonly MediaTypeHeaderValue OctetStream = new("application/octet-stream");

    private readonly byte[] body;
    private readonly string headerLength;

    public BinaryInferEncoding(ModelWorkload workload)
    {
        var header = EncodeHeader(workload);
        body = [.. header, .. FloatBytes.ToBytes(workload.Input)];
        headerLength = header.Length.ToString(CultureInfo.InvariantCulture);
    }

    public string Mode => TargetModes.HttpBinary;

    public HttpRequestMessage CreateRequest(Uri inferUri)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, inferUri)
        {
            Content = new ByteArrayContent(body) { Headers = { ContentType = OctetStream } },
        };
        request.Headers.Add(HeaderLengthHeader, headerLength);
        return request;
    }

    public float[] DecodeOutput(byte[] body, HttpResponseMessage response, string output)
    {
        var length = int.Parse(response.Headers.GetValues(HeaderLengthHeader).Single(), CultureInfo.InvariantCulture);
        using var document = JsonDocument.Parse(body.AsMemory(0, length));
        var offset = length;
        foreach (var tensor in document.RootElement.GetProperty("outputs").EnumerateArray())
        {
            var size = tensor.GetProperty("parameters").GetProperty("binary_data_size").GetInt32();
            if (tensor.GetProperty("name").ValueEquals(output))
            {
                return FloatBytes.ToFloats(body.AsSpan(offset, size));
            }

            offset += size;
        }

        throw new InvalidOperationException($"the binary response has no output '{output}'");
    }

    private static byte[] EncodeHeader(ModelWorkload workload) => V2InferJson.Request(
        workload,
        input: writer =>
        {
            writer.WriteStartObject("parameters"u8);
            writer.WriteNumber("binary_data_size"u8, workload.InputBytes);
            writer.WriteEndObject();
        },
        request: writer =>
        {
            writer.WriteStartObject("parameters"u8);
            writer.WriteBoolean("binary_data_output"u8, true);
            writer.WriteEndObject();
        });
}

using System.Net.Http.Headers;
using System.Text.Json;
using InferenceHost.Benchmarks.Workloads;

namespace InferenceHost.Benchmarks.Targets;

/// <summary>Plain v2 JSON: the input as a flat <c>data</c> array, outputs answered as JSON numbers.</summary>
internal sealed class JsonInferEncoding(ModelWorkload workload) : IHttpInferEncoding
{
    private static readonly MediaTypeHeaderValue JsonContentType = new("application/json");

    private readonly byte[] body = Encode(workload);

    public string Mode => TargetModes.HttpJson;

    public HttpRequestMessage CreateRequest(Uri inferUri) => new(HttpMethod.Post, inferUri)
    {
        Content = new ByteArrayContent(body) { Headers = { ContentType = JsonContentType } },
    };

    public float[] DecodeOutput(byte[] body, HttpResponseMessage response, string output)
    {
        using var document = JsonDocument.Parse(body);
        var tensor = V2InferJson.FindOutput(document.RootElement, output);
        return tensor.GetProperty("data").EnumerateArray().Select(element => element.GetSingle()).ToArray();
    }

    private static byte[] Encode(ModelWorkload workload) => V2InferJson.Request(
        workload,
        input: writer =>
        {
            writer.WriteStartArray("data"u8);
            foreach (var value in workload.Input)
            {
                writer.WriteNumberValue(value);
            }

            writer.WriteEndArray();
        },
        request: _ => { });
}

using System.Text.Json;
using InferenceHost.Benchmarks.Workloads;

namespace InferenceHost.Benchmarks.Targets;

/// <summary>The parts of the v2 JSON both HTTP encodings share.</summary>
internal static class V2InferJson
{
    /// <summary>
    /// Writes <c>{"inputs":[{"name":…,"shape":…,"datatype":"FP32", <i>input</i>}], <i>request</i>}</c>,
    /// where the encoding writes the input's data or parameters and any request-level members.
    /// </summary>
    public static byte[] Request(ModelWorkload workload, Action<Utf8JsonWriter> input, Action<Utf8JsonWriter> request)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("inputs"u8);
            writer.WriteStartObject();
            writer.WriteString("name"u8, workload.InputName);
            writer.WriteStartArray("shape"u8);
            foreach (var dimension in workload.InputShape)
            {
                writer.WriteNumberValue(dimension);
            }

            writer.WriteEndArray();
            writer.WriteString("datatype"u8, "FP32");
            input(writer);
            writer.WriteEndObject();
            writer.WriteEndArray();
            request(writer);
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    public static JsonElement FindOutput(JsonElement response, string output) =>
        response.GetProperty("outputs").EnumerateArray().FirstOrDefault(tensor => tensor.GetProperty("name").ValueEquals(output)) is { ValueKind: JsonValueKind.Object } found
            ? found
            : throw new InvalidOperationException($"the response has no output '{output}'");
}

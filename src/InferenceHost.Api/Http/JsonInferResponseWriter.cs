using System.Buffers;
using System.Text.Json;
using InferenceHost.Abstractions.Inference;
using InferenceHost.Api.Tensors;

namespace InferenceHost.Api.Http;

/// <summary>
/// Writes an inference response as v2 JSON; outputs the request asked for in binary get
/// <c>"parameters":{"binary_data_size":n}</c> and no <c>data</c>, and their bytes are handed
/// back to follow the JSON in output order (the binary tensor extension).
/// </summary>
internal static class JsonInferResponseWriter
{
    /// <summary>Writes the JSON part into <paramref name="json"/> and adds binary outputs to <paramref name="binary"/>.</summary>
    /// <exception cref="InferenceException">An output's bytes do not match its shape (ModelFailure).</exception>
    public static void Write(IBufferWriter<byte> json, InferenceResponse response, HttpInferRequest request, List<ReadOnlyMemory<byte>> binary)
    {
        using var writer = new Utf8JsonWriter(json, JsonWriting.Options);
        writer.WriteStartObject();
        writer.WriteString("model_name"u8, response.ModelName);
        writer.WriteString("model_version"u8, response.ModelVersion);
        if (response.Id is not null)
        {
            writer.WriteString("id"u8, response.Id);
        }

        writer.WriteStartArray("outputs"u8);
        foreach (var output in response.Outputs)
        {
            var type = DatatypeParsing.ParseOutput(output.Datatype, output.Name);
            TensorPayloads.ValidateOutput(output, type);
            writer.WriteStartObject();
            writer.WriteString("name"u8, output.Name);
            writer.WriteString("datatype"u8, output.Datatype);
            WriteShape(writer, output.Shape);
            if (request.WantsBinary(output.Name))
            {
                writer.WriteStartObject("parameters"u8);
                writer.WriteNumber("binary_data_size"u8, output.Data.Length);
                writer.WriteEndObject();
                binary.Add(output.Data);
            }
            else
            {
                writer.WritePropertyName("data"u8);
                JsonTensorDataWriter.Write(writer, type, output.Data.Span);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    internal static void WriteShape(Utf8JsonWriter writer, long[] shape)
    {
        writer.WriteStartArray("shape"u8);
        foreach (var dim in shape)
        {
            writer.WriteNumberValue(dim);
        }

        writer.WriteEndArray();
    }
}

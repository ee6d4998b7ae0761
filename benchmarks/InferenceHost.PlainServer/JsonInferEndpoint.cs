using System.Text.Json;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace InferenceHost.PlainServer;

/// <summary><c>POST /v2/models/{m}/versions/{v}/infer</c> with v2 JSON in and out: deserialize, run, write.</summary>
internal static class JsonInferEndpoint
{
    public static async Task HandleAsync(HttpContext context, string model, string version, OnnxModels models)
    {
        if (models.Find(model) is not { } onnx)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var request = await JsonSerializer.DeserializeAsync(context.Request.Body, PlainJsonContext.Default.V2InferRequest, context.RequestAborted);
        if (request is not { Inputs: [var input] } || input.Datatype != "FP32")
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        using var outputs = onnx.Run(input.Name, input.Data, input.Shape);
        context.Response.ContentType = "application/json";
        await using var writer = new Utf8JsonWriter(context.Response.Body);
        writer.WriteStartObject();
        writer.WriteString("model_name"u8, model);
        writer.WriteString("model_version"u8, version);
        writer.WriteStartArray("outputs"u8);
        for (var i = 0; i < outputs.Count; i++)
        {
            WriteOutput(writer, onnx.OutputNames[i], outputs.ElementAt(i));
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        await writer.FlushAsync(context.RequestAborted);
    }

    private static void WriteOutput(Utf8JsonWriter writer, string name, OrtValue value)
    {
        var info = value.GetTensorTypeAndShape();
        writer.WriteStartObject();
        writer.WriteString("name"u8, name);
        writer.WriteString("datatype"u8, info.ElementDataType == TensorElementType.Float ? "FP32" : "INT64");
        writer.WriteStartArray("shape"u8);
        foreach (var dimension in info.Shape)
        {
            writer.WriteNumberValue(dimension);
        }

        writer.WriteEndArray();
        writer.WriteStartArray("data"u8);
        if (info.ElementDataType == TensorElementType.Float)
        {
            foreach (var element in value.GetTensorDataAsSpan<float>())
            {
                writer.WriteNumberValue(element);
            }
        }
        else
        {
            foreach (var element in value.GetTensorDataAsSpan<long>())
            {
                writer.WriteNumberValue(element);
            }
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}

using System.Text.Json.Serialization;

namespace InferenceHost.PlainServer;

/// <summary>One FP32 input tensor of <see cref="V2InferRequest"/>.</summary>
internal sealed record V2InferInput(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("shape")] long[] Shape,
    [property: JsonPropertyName("datatype")] string Datatype,
    [property: JsonPropertyName("data")] float[] Data);

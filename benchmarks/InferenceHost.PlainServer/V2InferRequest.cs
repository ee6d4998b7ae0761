using System.Text.Json.Serialization;

namespace InferenceHost.PlainServer;

/// <summary>The v2 JSON request subset the benchmark sends: FP32 inputs with a flat <c>data</c> array.</summary>
internal sealed record V2InferRequest([property: JsonPropertyName("inputs")] IReadOnlyList<V2InferInput> Inputs);

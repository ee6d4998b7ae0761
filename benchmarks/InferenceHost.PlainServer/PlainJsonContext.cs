using System.Text.Json.Serialization;

namespace InferenceHost.PlainServer;

[JsonSerializable(typeof(V2InferRequest))]
internal sealed partial class PlainJsonContext : JsonSerializerContext;

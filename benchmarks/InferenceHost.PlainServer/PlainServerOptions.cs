namespace InferenceHost.PlainServer;

/// <summary>Ports and models, bound from the <c>PlainServer</c> section (the benchmark passes them on the command line).</summary>
internal sealed class PlainServerOptions
{
    public const string SectionName = "PlainServer";

    /// <summary>HTTP/1.1 port for the v2 JSON endpoint.</summary>
    public int HttpPort { get; set; } = 8000;

    /// <summary>HTTP/2 (cleartext) port for gRPC.</summary>
    public int GrpcPort { get; set; } = 8001;

    /// <summary>Model name to ONNX file; one session each.</summary>
    public Dictionary<string, string> Models { get; set; } = new(StringComparer.Ordinal);
}

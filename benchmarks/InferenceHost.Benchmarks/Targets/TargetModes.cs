namespace InferenceHost.Benchmarks.Targets;

/// <summary>Mode names as the report shows them; the first four are the host pinned to one version (URL version).</summary>
internal static class TargetModes
{
    public const string Raw = "raw ORT";
    public const string HttpJson = "http-json";
    public const string HttpBinary = "http-binary";
    public const string GrpcRaw = "grpc-raw";

    /// <summary>The host over gRPC from 8 channels (connections) instead of one; measured for the GPU cells only.</summary>
    public const string GrpcRawEightConnections = "grpc-raw, 8 connections";

    // The servers compared at one concurrency: the host's variants, the plain server, NGINX.
    public const string SplitHttpJson = "host 3-way split, http-json";
    public const string SplitGrpcRaw = "host 3-way split, grpc-raw";
    public const string NoTelemetryGrpcRaw = "host telemetry off, grpc-raw";
    public const string BatchingGrpcRaw = "host batching, grpc-raw";
    public const string PlainHttpJson = "plain server, http-json";
    public const string PlainGrpcRaw = "plain server, grpc-raw";
    public const string NginxHttpJson = "nginx 80/20 split, http-json";

    // NGINX replaying the host's recorded answers: what the load generator reaches against a server that does nothing.
    public const string CeilingHttpBinary = "ceiling: nginx replay, http-binary";
    public const string CeilingGrpcRaw = "ceiling: nginx replay, grpc-raw";
}

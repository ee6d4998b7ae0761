namespace InferenceHost.Benchmarks.Targets;

/// <summary>Mode names as the report shows them.</summary>
internal static class TargetModes
{
    public const string Raw = "raw ORT";
    public const string HttpJson = "http-json";
    public const string HttpBinary = "http-binary";
    public const string GrpcRaw = "grpc-raw";
}

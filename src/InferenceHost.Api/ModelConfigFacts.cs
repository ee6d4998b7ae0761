using InferenceHost.Abstractions.Models;

namespace InferenceHost.Api;

/// <summary>The Triton model-configuration values derived from a version, shared by the HTTP and gRPC forms.</summary>
internal static class ModelConfigFacts
{
    public const string Backend = "onnxruntime";

    public const string DefaultModelFilename = "model.onnx";

    public static bool RunsOnGpu(ModelVersionInfo info) => string.Equals(info.Device, "gpu", StringComparison.OrdinalIgnoreCase);

    /// <summary>Triton names instance groups <c>&lt;model&gt;_&lt;n&gt;</c>.</summary>
    public static string InstanceGroupName(ModelVersionInfo info) => info.Model + "_0";

    /// <summary>Triton's repository-index state names.</summary>
    public static string StateName(ModelVersionState state) => state switch
    {
        ModelVersionState.Ready => "READY",
        ModelVersionState.Loading => "LOADING",
        _ => "UNAVAILABLE",
    };
}

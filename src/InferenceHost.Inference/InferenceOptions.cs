using System.ComponentModel.DataAnnotations;

namespace InferenceHost.Inference;

/// <summary>Model repository and ONNX Runtime settings, section <c>InferenceHost:Inference</c>.</summary>
public sealed class InferenceOptions
{
    public const string SectionName = "InferenceHost:Inference";

    /// <summary>Folder of the model repository, relative to the working directory. Default <c>models</c>.</summary>
    [Required(AllowEmptyStrings = false)]
    public string RepositoryPath { get; set; } = "models";

    /// <summary>
    /// ONNX Runtime intra-op threads per session when the model's config does not say (0 = ONNX Runtime's
    /// default). Default 1: the host already runs requests concurrently, and one thread per run is fastest then.
    /// </summary>
    [Range(0, 1024)]
    public int IntraOpThreads { get; set; } = 1;

    /// <summary>CUDA device used by models that run on the GPU. Default 0.</summary>
    [Range(0, 64)]
    public int CudaDeviceId { get; set; }
}

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

    /// <summary>
    /// How often the repository folder is scanned again for versions that appeared or went (uploads pushed to every
    /// silo arrive at once; the rescan heals a push that was lost). Default 10 s; 1 s to 30 s, so a silo also
    /// renews its subscription to repository changes well before it lapses (1 minute).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:00:30")]
    public TimeSpan RescanInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>CUDA device used by models that run on the GPU. Default 0.</summary>
    [Range(0, 64)]
    public int CudaDeviceId { get; set; }
}

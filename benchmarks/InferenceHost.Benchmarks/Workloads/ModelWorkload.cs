namespace InferenceHost.Benchmarks.Workloads;

/// <summary>
/// One benchmarked model: the single FP32 input every request sends, the outputs, and the
/// concurrencies to measure. <see cref="CheckedOutput"/> is the FP32 output every mode's answer
/// is compared with the raw answer on, before anything is timed. At <see cref="ComparisonConcurrency"/>
/// (if any) the host's variants, a plain server and an NGINX split are measured as well. <see cref="OnCuda"/>
/// runs the raw baseline on ONNX Runtime's CUDA provider; answers may then differ from the host's by
/// <see cref="Tolerance"/> (relative), since two processes' CUDA sessions may pick different kernels.
/// </summary>
internal sealed record ModelWorkload(
    string Model,
    string InputName,
    long[] InputShape,
    float[] Input,
    IReadOnlyList<OutputSpec> Outputs,
    string CheckedOutput,
    IReadOnlyList<int> Concurrencies,
    int? ComparisonConcurrency = null,
    bool OnCuda = false,
    float Tolerance = 1e-4f)
{
    public const string Version = "1";

    public int InputBytes => Input.Length * sizeof(float);
}

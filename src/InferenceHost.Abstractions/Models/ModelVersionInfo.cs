namespace InferenceHost.Abstractions.Models;

/// <summary>Everything a client may ask about a ready model version.</summary>
/// <param name="Model">Model name.</param>
/// <param name="Version">Version id.</param>
/// <param name="Platform">v2 platform string, <c>onnxruntime_onnx</c>.</param>
/// <param name="MaxBatchSize">Largest batch accepted; 0 when the model has no batch dimension.</param>
/// <param name="Inputs">Inputs, with the batch dimension (-1) first when <paramref name="MaxBatchSize"/> &gt; 0.</param>
/// <param name="Outputs">Outputs, shaped the same way.</param>
/// <param name="Device">Where the session runs: <c>cpu</c> or <c>gpu</c>.</param>
/// <param name="DeviceReason">Why that device was chosen (e.g. why CUDA was not used).</param>
[GenerateSerializer, Immutable, Alias("InferenceHost.ModelVersionInfo")]
public sealed record ModelVersionInfo(
    [property: Id(0)] string Model,
    [property: Id(1)] string Version,
    [property: Id(2)] string Platform,
    [property: Id(3)] int MaxBatchSize,
    [property: Id(4)] IReadOnlyList<TensorSpec> Inputs,
    [property: Id(5)] IReadOnlyList<TensorSpec> Outputs,
    [property: Id(6)] string Device,
    [property: Id(7)] string DeviceReason)
{
    /// <summary>
    /// The silo that serves this version when this one cannot (it is not ready here, e.g. a GPU-only model on a
    /// CPU node): requests are forwarded there. Null when this silo serves it itself.
    /// </summary>
    [Id(8)]
    public SiloAddress? ServedBy { get; init; }
}

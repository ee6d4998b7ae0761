namespace InferenceHost.Abstractions.Repository;

/// <summary>The accelerator a silo advertises to the cluster.</summary>
/// <param name="CudaUsable">True when ONNX Runtime's CUDA provider loads on this silo, so GPU models can run here.</param>
/// <param name="DeviceName">The CUDA device's name (e.g. <c>NVIDIA H100 80GB HBM3</c>); null when no driver answers.</param>
/// <param name="MemoryBytes">The device's total memory; null when no driver answers.</param>
/// <param name="Detail">How this was learned, or why CUDA is not usable.</param>
[GenerateSerializer, Immutable, Alias("InferenceHost.SiloAccelerator")]
public sealed record SiloAccelerator(
    [property: Id(0)] bool CudaUsable,
    [property: Id(1)] string? DeviceName,
    [property: Id(2)] long? MemoryBytes,
    [property: Id(3)] string Detail);

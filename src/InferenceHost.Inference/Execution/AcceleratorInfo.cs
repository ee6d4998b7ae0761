namespace InferenceHost.Inference.Execution;

/// <summary>What this machine offers models that prefer the GPU.</summary>
/// <param name="CudaUsable">True when ONNX Runtime's CUDA provider loads.</param>
/// <param name="DeviceName">The CUDA device's name, when the driver answers.</param>
/// <param name="MemoryBytes">Its total memory, when the driver answers.</param>
/// <param name="Detail">The device, or why CUDA is not usable.</param>
public sealed record AcceleratorInfo(bool CudaUsable, string? DeviceName, long? MemoryBytes, string Detail);

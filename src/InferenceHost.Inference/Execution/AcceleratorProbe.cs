using Microsoft.Extensions.Options;

namespace InferenceHost.Inference.Execution;

/// <summary>
/// Learns once what accelerator this silo has: whether ONNX Runtime can use CUDA (the test that matters for
/// serving) and, from the driver, the device's name and memory (what operators want to see).
/// </summary>
public sealed class AcceleratorProbe(SessionFactory sessions, IOptions<InferenceOptions> options)
{
    private readonly Lazy<AcceleratorInfo> _info = new(() => Probe(sessions, options.Value.CudaDeviceId));

    public AcceleratorInfo Info => _info.Value;

    private static AcceleratorInfo Probe(SessionFactory sessions, int deviceId)
    {
        var (name, memory, driverDetail) = CudaDriver.Describe(deviceId);
        return sessions.ProbeCuda() is { } unusable
            ? new AcceleratorInfo(false, name, memory, $"CUDA is not usable ({driverDetail}): {unusable}")
            : new AcceleratorInfo(true, name, memory, driverDetail);
    }
}

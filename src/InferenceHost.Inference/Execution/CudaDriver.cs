using System.Runtime.InteropServices;
using System.Text;

namespace InferenceHost.Inference.Execution;

/// <summary>
/// The few CUDA driver calls (libcuda, shipped with the NVIDIA driver) that name a device and its memory.
/// ONNX Runtime's provider says whether CUDA works, not what the device is.
/// </summary>
internal static partial class CudaDriver
{
    private const string Library = "libcuda.so.1";
    private const int Success = 0;

    /// <summary>The device's name and total memory, or why the driver could not say.</summary>
    public static (string? Name, long? MemoryBytes, string Detail) Describe(int deviceId)
    {
        try
        {
            if (cuInit(0) is not Success and var init)
            {
                return (null, null, $"the CUDA driver failed to start (error {init})");
            }

            if (cuDeviceGet(out var device, deviceId) is not Success and var get)
            {
                return (null, null, $"CUDA device {deviceId} is not there (error {get})");
            }

            var name = new byte[256];
            var named = cuDeviceGetName(name, name.Length, device) == Success;
            var measured = cuDeviceTotalMem_v2(out var bytes, device) == Success;
            return (named ? Encoding.UTF8.GetString(name, 0, Math.Max(0, Array.IndexOf(name, (byte)0))) : null,
                measured ? (long)bytes : null,
                $"CUDA device {deviceId}");
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return (null, null, "no NVIDIA driver (libcuda.so.1) on this machine");
        }
    }

    [LibraryImport(Library)]
    private static partial int cuInit(uint flags);

    [LibraryImport(Library)]
    private static partial int cuDeviceGet(out int device, int ordinal);

    [LibraryImport(Library)]
    private static partial int cuDeviceGetName([Out] byte[] name, int length, int device);

    [LibraryImport(Library)]
    private static partial int cuDeviceTotalMem_v2(out nuint bytes, int device);
}

using System.Diagnostics;
using InferenceHost.Benchmarks.Hosting;
using Microsoft.ML.OnnxRuntime;

namespace InferenceHost.Benchmarks.Targets;

/// <summary>
/// Whether ONNX Runtime's CUDA provider loads in this process (as the host's <c>SessionFactory</c> decides
/// it: <c>AppendExecutionProvider_CUDA</c> either works or throws), and the GPU <c>nvidia-smi</c> names.
/// </summary>
/// <param name="UnusableReason">Null when the CUDA provider loads, else why it does not.</param>
/// <param name="Name">The GPU's name and memory as <c>nvidia-smi</c> reports them, or what is known without it.</param>
internal sealed record CudaDevice(string? UnusableReason, string Name)
{
    /// <summary>The CUDA device every CUDA session of the benchmark uses, as the host's default <c>CudaDeviceId</c>.</summary>
    public const int DeviceId = 0;

    public bool Usable => UnusableReason is null;

    public static CudaDevice Probe()
    {
        using var options = new SessionOptions();
        return new CudaDevice(TryAppend(options), NvidiaSmiName() ?? "none reported (`nvidia-smi` is not on PATH or failed)");
    }

    /// <summary>Adds the CUDA provider to <paramref name="options"/>; null when it loaded, else why not.</summary>
    public static string? TryAppend(SessionOptions options)
    {
        try
        {
            options.AppendExecutionProvider_CUDA(DeviceId);
            return null;
        }
        catch (Exception e) when (e is OnnxRuntimeException or EntryPointNotFoundException or DllNotFoundException)
        {
            return e.Message.Split('\n', 2)[0].Trim();
        }
    }

    private static string? NvidiaSmiName()
    {
        if (ExecutablePath.Find("nvidia-smi") is not { } smi)
        {
            return null;
        }

        try
        {
            using var process = Process.Start(new ProcessStartInfo(smi, ["--query-gpu=name,memory.total", "--format=csv,noheader"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            });
            if (process is null)
            {
                return null;
            }

            var text = process.StandardOutput.ReadToEnd().Trim();
            return process.WaitForExit(10_000) && process.ExitCode == 0 && text.Length > 0 ? text.ReplaceLineEndings("; ") : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}

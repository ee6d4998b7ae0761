using System.Runtime.InteropServices;
using Microsoft.ML.OnnxRuntime;

namespace InferenceHost.Benchmarks.Reporting;

/// <summary>What the numbers were measured on, as Linux reports it.</summary>
internal sealed record MachineInfo(int Cpus, string CpuModel, string BenchmarkCpus, string Runtime, string OnnxRuntime, string Os)
{
    /// <summary>The 1, 5 and 15 minute load averages: how much else was competing for the cores.</summary>
    public static string LoadAverage() =>
        string.Join(' ', ReadLines("/proc/loadavg").FirstOrDefault()?.Split(' ').Take(3) ?? ["unknown"]);

    public static MachineInfo Read()
    {
        var cpuinfo = ReadLines("/proc/cpuinfo");
        var status = ReadLines("/proc/self/status");
        return new MachineInfo(
            Cpus: Math.Max(cpuinfo.Count(line => line.StartsWith("processor", StringComparison.Ordinal)), Environment.ProcessorCount),
            CpuModel: Field(cpuinfo, "model name") ?? "unknown",
            BenchmarkCpus: Field(status, "Cpus_allowed_list") ?? "unknown",
            Runtime: RuntimeInformation.FrameworkDescription,
            OnnxRuntime: OrtEnv.Instance().GetVersionString(),
            Os: RuntimeInformation.OSDescription);
    }

    private static string[] ReadLines(string path) => File.Exists(path) ? File.ReadAllLines(path) : [];

    private static string? Field(IEnumerable<string> lines, string name) => lines
        .Where(line => line.StartsWith(name, StringComparison.Ordinal) && line.Contains(':', StringComparison.Ordinal))
        .Select(line => line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim())
        .FirstOrDefault();
}

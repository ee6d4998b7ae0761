using System.Diagnostics;

namespace InferenceHost.Silo.Tests.Deploy;

/// <summary>The settings deploy/local-cluster.sh starts each of its silos with, as its <c>print-config</c> prints them.</summary>
public static class LocalClusterConfig
{
    public const int SiloCount = 3;

    /// <summary>Environment variable → value for silo <paramref name="silo"/>.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> ForSiloAsync(int silo)
    {
        var start = new ProcessStartInfo("bash", [ConfigurationKeys.DeployPath("local-cluster.sh"), "print-config", $"{silo}"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("bash did not start");
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"local-cluster.sh print-config {silo} exited {process.ExitCode}: {error}");
        }

        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('=', 2))
            .ToDictionary(pair => pair[0], pair => pair[1], StringComparer.Ordinal);
    }
}

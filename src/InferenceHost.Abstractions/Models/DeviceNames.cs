namespace InferenceHost.Abstractions.Models;

/// <summary>The devices a version runs on, as <see cref="ModelVersionInfo.Device"/> and the APIs name them.</summary>
public static class DeviceNames
{
    public const string Cpu = "cpu";

    public const string Gpu = "gpu";
}

using System.Text.Json.Nodes;
using InferenceHost.Benchmarks.Workloads;

namespace InferenceHost.Benchmarks.Hosting;

/// <summary>Where the host runs a model's version, from its v2 metadata (<c>device</c>, <c>device_reason</c>).</summary>
internal sealed record HostDevice(string Device, string Reason)
{
    public const string Gpu = "gpu";

    public bool IsGpu => string.Equals(Device, Gpu, StringComparison.OrdinalIgnoreCase);

    public override string ToString() => $"`{Device}` ({Reason})";

    public static async Task<HostDevice> FetchAsync(DotnetServer host, string model, CancellationToken cancellationToken)
    {
        var metadata = JsonNode.Parse(await host.GetStringAsync($"v2/models/{model}/versions/{ModelWorkload.Version}", cancellationToken));
        return new HostDevice(metadata?["device"]?.GetValue<string>() ?? "unknown", metadata?["device_reason"]?.GetValue<string>() ?? "no reason given");
    }
}

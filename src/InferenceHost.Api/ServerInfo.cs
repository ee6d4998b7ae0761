using System.Reflection;
using Microsoft.Extensions.Options;

namespace InferenceHost.Api;

/// <summary>What server metadata reports, the same over HTTP and gRPC.</summary>
internal sealed class ServerInfo(IOptions<InferenceApiOptions> options)
{
    /// <summary>
    /// Only extensions served in full: the binary tensor extension and model configuration.
    /// (Repository index is served, but load and unload are not, so model_repository is not claimed.)
    /// </summary>
    public static readonly IReadOnlyList<string> Extensions = ["binary_tensor_data", "model_configuration"];

    public string Name { get; } = options.Value.ServerName;

    public string Version { get; } = string.IsNullOrEmpty(options.Value.ServerVersion)
        ? HostVersion()
        : options.Value.ServerVersion;

    private static string HostVersion()
    {
        var assembly = Assembly.GetEntryAssembly() ?? typeof(ServerInfo).Assembly;
        var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly.GetName().Version?.ToString()
            ?? "0.0.0";

        // The SDK appends "+<commit>"; clients compare versions, not builds.
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus >= 0 ? version[..plus] : version;
    }
}

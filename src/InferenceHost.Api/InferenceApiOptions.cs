namespace InferenceHost.Api;

/// <summary>
/// Settings of the v2 HTTP and gRPC endpoints, bound from <c>InferenceHost:Api</c> and
/// validated at start (<see cref="InferenceApiOptionsValidator"/>).
/// </summary>
public sealed class InferenceApiOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "InferenceHost:Api";

    /// <summary>Smallest accepted <see cref="MaxRequestBodyBytes"/>: 1 KiB.</summary>
    public const long MinRequestBodyBytes = 1024;

    /// <summary>Largest accepted <see cref="MaxRequestBodyBytes"/>: 1 GiB (a body is held in one array).</summary>
    public const long MaxRequestBodyBytesLimit = 1024L * 1024 * 1024;

    /// <summary>
    /// Largest request accepted, in bytes: an HTTP body after decompression (larger answers 413)
    /// and a gRPC message (larger answers RESOURCE_EXHAUSTED). Default 64 MiB; 1 KiB to 1 GiB.
    /// </summary>
    public long MaxRequestBodyBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>Server name reported by server metadata (<c>GET /v2</c>). Default <c>inferencehost</c>; not empty.</summary>
    public string ServerName { get; set; } = "inferencehost";

    /// <summary>
    /// Server version reported by server metadata. Default (null or empty): the informational
    /// version of the host's entry assembly.
    /// </summary>
    public string? ServerVersion { get; set; }
}

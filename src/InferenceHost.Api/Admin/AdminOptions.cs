namespace InferenceHost.Api.Admin;

/// <summary>
/// Settings of the management API under <c>/admin/v1</c>, bound from <c>InferenceHost:Admin</c> and
/// validated at start (<see cref="AdminOptionsValidator"/>).
/// </summary>
public sealed class AdminOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "InferenceHost:Admin";

    /// <summary>Largest management request body: 64 KiB, far above any deployment document; larger answers 413.</summary>
    public const long MaxRequestBodyBytes = 64 * 1024;

    /// <summary>Default <see cref="MaxUploadBytes"/>: 512 MiB.</summary>
    public const long DefaultMaxUploadBytes = 512L * 1024 * 1024;

    /// <summary>Shortest <see cref="Token"/> accepted when one is configured.</summary>
    public const int MinTokenLength = 16;

    /// <summary>Longest <see cref="Principal"/> accepted.</summary>
    public const int MaxPrincipalLength = 64;

    /// <summary>
    /// The bearer token every <c>/admin</c> request must present. Default (null or empty): the one in
    /// <see cref="TokenFile"/>, generated on first start. At least <see cref="MinTokenLength"/>
    /// characters, no whitespace or control characters.
    /// </summary>
    public string? Token { get; set; }

    /// <summary>
    /// Where the token is kept when <see cref="Token"/> is not set, relative to the working directory.
    /// If the file is missing, a random 32-byte token (base64url) is written there, readable by its owner only.
    /// Default <c>state/admin-token</c>.
    /// </summary>
    public string TokenFile { get; set; } = "state/admin-token";

    /// <summary>Who the token stands for: the actor the audit log records for its changes. Default <c>operator</c>.</summary>
    public string Principal { get; set; } = "operator";

    /// <summary>
    /// Largest model file an upload (<c>POST /admin/v1/models/{model}/versions</c>) may send; larger answers 413
    /// before anything is written. Default <see cref="DefaultMaxUploadBytes"/> (512 MiB); at least 1.
    /// </summary>
    public long MaxUploadBytes { get; set; } = DefaultMaxUploadBytes;

    /// <summary>
    /// Whether <c>GET</c> and <c>HEAD</c> requests under <c>/admin/v1</c> that send no <c>Authorization</c> header
    /// are answered, for a read-only dashboard on a shared screen. A wrong token is still refused (403), and every
    /// change (<c>PUT</c>, <c>POST</c>, <c>DELETE</c>) still needs the token (401 without it); the gRPC management
    /// service is unaffected. Default <see langword="false"/>: every request needs the token.
    /// </summary>
    public bool AnonymousReads { get; set; }
}

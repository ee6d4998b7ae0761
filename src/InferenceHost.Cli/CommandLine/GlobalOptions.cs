namespace InferenceHost.Cli.CommandLine;

/// <summary>Options every command takes.</summary>
internal static class GlobalOptions
{
    public const string DefaultUrl = "http://localhost:8000";

    public const string UrlVariable = "INFERENCEHOST_URL";

    public const string TokenVariable = "INFERENCEHOST_TOKEN";

    /// <summary>Where the embedded default host writes its token, relative to the directory it runs in.</summary>
    public const string DefaultTokenFile = "state/admin-token";

    public static readonly OptionSpec Url = new("url", "URL", $"the host's HTTP address (default {DefaultUrl}; env {UrlVariable})");

    public static readonly OptionSpec Token = new("token", "TOKEN", $"admin bearer token (env {TokenVariable}; else read from --token-file)");

    public static readonly OptionSpec TokenFile = new("token-file", "PATH", $"file holding the token (default {DefaultTokenFile}, relative to the current directory)");

    public static readonly OptionSpec Json = new("json", null, "print the server's JSON instead of tables");

    public static readonly OptionSpec Help = new("help", null, "show help (also -h)");

    public static IReadOnlyList<OptionSpec> All { get; } = [Url, Token, TokenFile, Json, Help];

    public static IReadOnlySet<string> FlagNames { get; } = All.Where(option => option.IsFlag).Select(option => option.Name).ToHashSet(StringComparer.Ordinal);
}

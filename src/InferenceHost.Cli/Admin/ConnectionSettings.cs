using InferenceHost.Cli.CommandLine;

namespace InferenceHost.Cli.Admin;

/// <summary>Where the host is and the token it wants, from the options, else the environment, else the defaults.</summary>
internal sealed record ConnectionSettings(Uri Url, string Token)
{
    /// <exception cref="UsageException">The URL is not an http(s) address.</exception>
    /// <exception cref="CommandFailedException">No token is given and the token file cannot be read.</exception>
    public static ConnectionSettings Resolve(ParsedArguments arguments, Func<string, string?> environment)
    {
        var url = ParseUrl(arguments.Value(GlobalOptions.Url) ?? NonEmpty(environment(GlobalOptions.UrlVariable)) ?? GlobalOptions.DefaultUrl);
        var token = arguments.Value(GlobalOptions.Token)
            ?? NonEmpty(environment(GlobalOptions.TokenVariable))
            ?? ReadTokenFile(arguments.Value(GlobalOptions.TokenFile) ?? GlobalOptions.DefaultTokenFile);
        return new ConnectionSettings(url, token);
    }

    private static Uri ParseUrl(string text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            throw new UsageException($"--url must be an http:// or https:// address, not '{text}'");
        }

        // Request paths are relative, so a base path such as http://proxy/inference keeps its last segment.
        return url.AbsolutePath.EndsWith('/') ? url : new Uri($"{url}/");
    }

    private static string ReadTokenFile(string path)
    {
        var fullPath = Path.GetFullPath(path);
        string token;
        try
        {
            token = File.ReadAllText(fullPath).Trim();
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new CommandFailedException(
                $"no admin token: {fullPath} does not exist. Pass --token, set {GlobalOptions.TokenVariable}, or point --token-file at "
                + $"the host's token file ({GlobalOptions.DefaultTokenFile} in the directory the host runs in)");
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new CommandFailedException($"cannot read the token file {fullPath}: {exception.Message}", exception);
        }

        return token.Length > 0 ? token : throw new CommandFailedException($"the token file {fullPath} is empty");
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}

namespace InferenceHost.Cli.Commands;

/// <summary>A rollout policy file, read before anything is sent; its JSON is the server's to judge.</summary>
internal static class PolicyFile
{
    /// <exception cref="CommandFailedException">The file cannot be read.</exception>
    public static string Read(string path)
    {
        var fullPath = Path.GetFullPath(path);
        try
        {
            return File.ReadAllText(fullPath);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new CommandFailedException($"cannot read the policy file {fullPath}: {exception.Message}", exception);
        }
    }
}

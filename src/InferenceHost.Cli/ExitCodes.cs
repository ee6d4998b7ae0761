namespace InferenceHost.Cli;

/// <summary>What the process exit code says.</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The command ran and failed: the server refused it, or could not be reached.</summary>
    public const int Failure = 1;

    /// <summary>The command line itself was wrong; nothing was sent.</summary>
    public const int Usage = 2;
}

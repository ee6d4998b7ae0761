namespace InferenceHost.Cli;

/// <summary>What the process exit code says.</summary>
internal static class ExitCodes
{
    /// <summary>The command did what it was asked; for <c>rollout watch</c>, the rollout was promoted.</summary>
    public const int Success = 0;

    /// <summary>The command ran and failed: the server refused it (e.g. no rollout to watch), or could not be reached.</summary>
    public const int Failure = 1;

    /// <summary>The command line itself was wrong; nothing was sent.</summary>
    public const int Usage = 2;

    /// <summary><c>rollout watch</c>: the rollout was rolled back, by a failing gate or an operator; the candidate serves nobody.</summary>
    public const int RolledBack = 3;

    /// <summary><c>rollout watch</c>: an operator aborted the rollout; the deployment is as it was before it.</summary>
    public const int Aborted = 4;

    /// <summary>Ctrl+C stopped the command (128 + SIGINT, as shells report it); a watched rollout goes on.</summary>
    public const int Interrupted = 130;
}

namespace InferenceHost.Cli.CommandLine;

/// <summary>The command line is wrong: printed with the command's help, exit code 2, nothing sent.</summary>
internal sealed class UsageException(string message) : Exception(message);

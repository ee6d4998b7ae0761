namespace InferenceHost.Cli.Tests;

/// <summary>What one run of the CLI printed, and its exit code.</summary>
public sealed record CliResult(int ExitCode, string Output, string Error)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout ---\n{Output}--- stderr ---\n{Error}";
}

namespace InferenceHost.Cli.Tests;

/// <summary>Runs the CLI in-process through its entry point, with captured output and a given environment (none by default).</summary>
public static class CliRunner
{
    public static async Task<CliResult> RunAsync(string[] args, IReadOnlyDictionary<string, string>? environment = null)
    {
        using var output = new StringWriter();
        return await RunAsync(args, output, CancellationToken.None, environment);
    }

    /// <summary>
    /// The same, printing to <paramref name="output"/> as the command runs, so a test can wait on what a long-running
    /// command has printed so far; cancelling <paramref name="interrupted"/> is pressing Ctrl+C.
    /// </summary>
    public static async Task<CliResult> RunAsync(
        string[] args, TextWriter output, CancellationToken interrupted, IReadOnlyDictionary<string, string>? environment = null)
    {
        using var error = new StringWriter();
        var exitCode = await Program.RunAsync(args, output, error, name => environment?.GetValueOrDefault(name), interactive: false, interrupted);
        return new CliResult(exitCode, output.ToString() ?? "", error.ToString());
    }
}

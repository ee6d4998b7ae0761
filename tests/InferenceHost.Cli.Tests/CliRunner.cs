namespace InferenceHost.Cli.Tests;

/// <summary>Runs the CLI in-process through its entry point, with captured output and a given environment (none by default).</summary>
public static class CliRunner
{
    public static async Task<CliResult> RunAsync(string[] args, IReadOnlyDictionary<string, string>? environment = null)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await Program.RunAsync(args, output, error, name => environment?.GetValueOrDefault(name));
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }
}

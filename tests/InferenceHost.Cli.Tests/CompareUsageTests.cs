namespace InferenceHost.Cli.Tests;

/// <summary>compare command lines refused before anything is sent, and its help. No host is needed.</summary>
public sealed class CompareUsageTests
{
    [Fact]
    public async Task Help_ListsTheCompareCommand()
    {
        var result = await CliRunner.RunAsync(["--help"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("  compare MODEL CANDIDATE BASELINE [--window DURATION]", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CompareHelp_DescribesTheWindowAndGivesAnExample()
    {
        var result = await CliRunner.RunAsync(["compare", "--help"]);

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("Usage: inferencehost compare MODEL CANDIDATE BASELINE [--window DURATION]", result.Output, StringComparison.Ordinal);
        Assert.Contains("inferencehost compare iris-mlp 3 1 --window 10m", result.Output, StringComparison.Ordinal);
        CliAssert.HasRow(result.Output, "--window DURATION", "how far back, e.g. 30s, 5m, 2h (default 5m)");
    }

    [Theory]
    [InlineData("error: MODEL is missing", "compare")]
    [InlineData("error: CANDIDATE is missing", "compare", "iris-mlp")]
    [InlineData("error: BASELINE is missing", "compare", "iris-mlp", "3")]
    [InlineData("error: unexpected argument '2'", "compare", "iris-mlp", "3", "1", "2")]
    [InlineData("error: unknown option '--limit' for 'compare'", "compare", "iris-mlp", "3", "1", "--limit", "5")]
    public async Task WrongArguments_ExitTwoWithTheProblemAndHelp(string errorLine, params string[] args)
    {
        CliAssert.UsageError(await CliRunner.RunAsync([.. args, "--token", "t"]), errorLine);
    }
}

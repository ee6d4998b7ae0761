namespace InferenceHost.Cli.Tests;

/// <summary>Command lines refused before anything is sent: exit code 2 and help. No host is needed.</summary>
public sealed class UsageTests
{
    [Fact]
    public async Task UnknownCommand_ExitsTwoWithTheCommandList()
    {
        var result = await CliRunner.RunAsync(["frobnicate"]);

        CliAssert.UsageError(result, "error: unknown command 'frobnicate'");
        Assert.Contains("  weights MODEL SLOT=WEIGHT...", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoCommand_ExitsTwo()
    {
        CliAssert.UsageError(await CliRunner.RunAsync([]), "error: name a command");
    }

    [Fact]
    public async Task Help_ExitsZeroWithEveryCommand()
    {
        var result = await CliRunner.RunAsync(["--help"]);

        Assert.Equal(0, result.ExitCode);
        foreach (var command in new[] { "models", "status", "deploy", "weights", "switch", "rollback", "audit" })
        {
            Assert.Matches($@"(?m)^  {command}\b", result.Output);
        }
    }

    [Fact]
    public async Task CommandHelp_ExitsZeroWithItsOptions()
    {
        var result = await CliRunner.RunAsync(["deploy", "-h"]);

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("Usage: inferencehost deploy MODEL", result.Output, StringComparison.Ordinal);
        CliAssert.HasRow(result.Output, "--canary V:W", "the canary's version and weight");
    }

    [Theory]
    [InlineData("error: MODEL is missing", "status")]
    [InlineData("error: unexpected argument 'extra'", "status", "iris-mlp", "extra")]
    [InlineData("error: unknown option '--colour' for 'models'", "models", "--colour", "blue")]
    [InlineData("error: --url needs a value", "models", "--url")]
    [InlineData("error: --active is required when both colours are given", "deploy", "iris-mlp", "--blue", "1", "--green", "2")]
    [InlineData("error: --canary must be V:W (e.g. 2:20), not '2'", "deploy", "iris-mlp", "--blue", "1", "--canary", "2")]
    [InlineData("error: 'blue:80' is not SLOT=WEIGHT, where SLOT is blue, green, canary or shadow (e.g. canary=20)", "weights", "iris-mlp", "blue:80")]
    [InlineData("error: --limit must be a whole number, not 'ten'", "audit", "--limit", "ten")]
    [InlineData("error: --url must be an http:// or https:// address, not 'localhost'", "models", "--url", "localhost", "--token", "t")]
    public async Task WrongArguments_ExitTwoWithTheProblemAndHelp(string errorLine, params string[] args)
    {
        CliAssert.UsageError(await CliRunner.RunAsync(args), errorLine);
    }
}

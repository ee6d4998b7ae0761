namespace InferenceHost.Cli.Tests;

/// <summary>rollout, policy and telemetry command lines refused before anything is sent, and their help. No host is needed.</summary>
public sealed class RolloutUsageTests
{
    [Fact]
    public async Task Help_ListsTheRolloutPolicyAndTelemetryCommands()
    {
        var result = await CliRunner.RunAsync(["--help"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("  rollout SUBCOMMAND MODEL [ARGUMENTS]", result.Output, StringComparison.Ordinal);
        Assert.Contains("  policy get MODEL | set MODEL FILE", result.Output, StringComparison.Ordinal);
        Assert.Contains("  telemetry MODEL [--window DURATION]", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RolloutHelp_DescribesEverySubcommandAndOption()
    {
        var result = await CliRunner.RunAsync(["rollout", "--help"]);

        Assert.Equal(0, result.ExitCode);
        foreach (var subcommand in new[] { "start MODEL VERSION", "status MODEL", "watch MODEL [--interval DURATION]", "history MODEL", "list MODEL", "pause|resume|abort|promote|rollback MODEL" })
        {
            Assert.Contains(subcommand, result.Output, StringComparison.Ordinal);
        }

        CliAssert.HasRow(result.Output, "--evidence", "history: each decision's request counts and gate results too");
        CliAssert.HasRow(result.Output, "--interval DURATION", "watch: how often to read the rollout, 100ms to 10m (default 2s)");
        Assert.Contains("Exits 0 promoted, 3 rolled back, 4 aborted, 1 no rollout,", result.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("error: name a subcommand: start, status, watch, history, list, pause, resume, abort, promote or rollback", "rollout")]
    [InlineData("error: unknown rollout subcommand 'go'", "rollout", "go", "iris-mlp")]
    [InlineData("error: MODEL is missing", "rollout", "status")]
    [InlineData("error: VERSION is missing", "rollout", "start", "iris-mlp")]
    [InlineData("error: unexpected argument '4'", "rollout", "start", "iris-mlp", "3", "4")]
    [InlineData("error: unexpected argument 'extra'", "rollout", "pause", "iris-mlp", "extra")]
    [InlineData("error: unknown option '--reason' for 'rollout start'", "rollout", "start", "iris-mlp", "3", "--reason", "x")]
    [InlineData("error: unknown option '--evidence' for 'rollout status'", "rollout", "status", "iris-mlp", "--evidence")]
    [InlineData("error: --number must be a whole number, not 'last'", "rollout", "history", "iris-mlp", "--number", "last")]
    [InlineData("error: --limit must be a whole number, not '-1'", "rollout", "list", "iris-mlp", "--limit", "-1")]
    [InlineData("error: MODEL is missing", "rollout", "watch")]
    [InlineData("error: MODEL is missing", "rollout", "watch", "--interval", "1s")]
    [InlineData("error: unexpected argument 'gather-lookup'", "rollout", "watch", "iris-mlp", "gather-lookup")]
    [InlineData("error: --interval must be a duration from 100ms to 10m, such as 500ms, 2s or 1m, not 'soon'", "rollout", "watch", "iris-mlp", "--interval", "soon")]
    [InlineData("error: --interval must be a duration from 100ms to 10m, such as 500ms, 2s or 1m, not '2'", "rollout", "watch", "iris-mlp", "--interval", "2")]
    [InlineData("error: --interval must be a duration from 100ms to 10m, such as 500ms, 2s or 1m, not '0s'", "rollout", "watch", "iris-mlp", "--interval", "0s")]
    [InlineData("error: --interval must be a duration from 100ms to 10m, such as 500ms, 2s or 1m, not '1h'", "rollout", "watch", "iris-mlp", "--interval", "1h")]
    [InlineData("error: unknown option '--interval' for 'rollout status'", "rollout", "status", "iris-mlp", "--interval", "1s")]
    [InlineData("error: unknown option '--reason' for 'rollout watch'", "rollout", "watch", "iris-mlp", "--reason", "x")]
    [InlineData("error: 'rollout watch' draws a view, not JSON; poll 'rollout status --json' instead, or gate on watch's exit code", "rollout", "watch", "iris-mlp", "--json")]
    [InlineData("error: name a subcommand: get or set", "policy")]
    [InlineData("error: unknown policy subcommand 'show'; use get or set", "policy", "show", "iris-mlp")]
    [InlineData("error: FILE is missing", "policy", "set", "iris-mlp")]
    [InlineData("error: MODEL is missing", "telemetry")]
    public async Task WrongArguments_ExitTwoWithTheProblemAndHelp(string errorLine, params string[] args)
    {
        CliAssert.UsageError(await CliRunner.RunAsync([.. args, "--token", "t"]), errorLine);
    }

    [Fact]
    public async Task EvidenceFlag_TakesNoValue_SoTheModelAfterItIsAnArgument()
    {
        // Refused for the missing host, not for the arguments: the flag did not swallow the model.
        var result = await CliRunner.RunAsync(["rollout", "history", "--evidence", "iris-mlp", "--url", "http://127.0.0.1:1", "--token", "t"]);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("error: cannot connect to InferenceHost", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PolicySet_MissingFile_FailsBeforeSending()
    {
        var result = await CliRunner.RunAsync(["policy", "set", "iris-mlp", "no-such-policy.json", "--url", "http://127.0.0.1:1", "--token", "t"]);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("error: cannot read the policy file ", result.Error, StringComparison.Ordinal);
    }
}

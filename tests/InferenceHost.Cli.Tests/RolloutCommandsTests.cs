using System.Text.Json;

namespace InferenceHost.Cli.Tests;

/// <summary>policy, rollout and telemetry against the real host; tests that start a rollout end it.</summary>
[Collection(CliHostCollection.Name)]
public sealed class RolloutCommandsTests(CliHostFixture host)
{
    [Fact]
    public async Task PolicySet_FromAFile_PrintsThePolicyThatPolicyGetThenShows()
    {
        var file = Path.Combine(Path.GetTempPath(), $"policy-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, """{"steps": [20, 100], "step_interval": "2m", "gates": [{"metric": "error_rate", "threshold": 0.02}]}""");
        try
        {
            var set = await host.RunAsync("policy", "set", "dtype-echo", file);
            var get = await host.RunAsync("policy", "get", "dtype-echo");

            CliAssert.Succeeded(set);
            CliAssert.Succeeded(get);
            Assert.Equal(set.Output, get.Output);
            CliAssert.HasRow(get.Output, "mode", "canary");
            CliAssert.HasRow(get.Output, "steps", "20% → 100%");
            CliAssert.HasRow(get.Output, "each step", "at least 2m and 100 candidate requests");
            CliAssert.HasRow(get.Output, "GATE", "THRESHOLD");
            CliAssert.HasRow(get.Output, "error_rate", "0.02");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task PolicySet_BrokenRules_FailsWithTheServersProblems()
    {
        var file = Path.Combine(Path.GetTempPath(), $"policy-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, """{"steps": [50], "beta": 0.9}""");
        try
        {
            var set = await host.RunAsync("policy", "set", "dtype-echo", file);

            CliAssert.FailedWith(
                set,
                "error: invalid rollout policy: the last step must be 100 (the candidate takes all traffic before it is promoted), not 50; beta must be above 0 and at most 0.5, not 0.9 (HTTP 400)");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task RolloutStartStatusHistoryListAbort_PrintTheRolloutAndItsDecisions()
    {
        CliAssert.Succeeded(await host.RunAsync("deploy", "iris-mlp", "--blue", "1"));
        var file = Path.Combine(Path.GetTempPath(), $"policy-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, """{"shadow_percent": 0, "steps": [10, 100], "step_interval": "1h", "gates": []}""");
        try
        {
            var start = await host.RunAsync("rollout", "start", "iris-mlp", "2", "--policy", file);
            CliAssert.Succeeded(start);
            CliAssert.HasRow(start.Output, "phase", "canary");
            CliAssert.HasRow(start.Output, "canary weight", "10%");
            CliAssert.HasRow(start.Output, "step", "1 of 2 (10%)");
            CliAssert.HasRow(start.Output, "ended", "running");

            var status = await host.RunAsync("rollout", "status", "iris-mlp");
            CliAssert.Succeeded(status);
            CliAssert.HasRow(status.Output, "model", "iris-mlp");

            var abort = await host.RunAsync("rollout", "abort", "iris-mlp", "--reason", "cli test over");
            CliAssert.Succeeded(abort);
            CliAssert.HasRow(abort.Output, "phase", "aborted");

            var history = await host.RunAsync("rollout", "history", "iris-mlp", "--evidence");
            CliAssert.Succeeded(history);
            var rows = CliAssert.Rows(history.Output).Where(row => row.Length > 1).ToList();
            Assert.Equal(["SEQ", "TIME", "ACTION", "PHASE", "WEIGHT", "ACTOR", "REASON"], rows[0]);
            Assert.Equal("start", rows[1][2]);
            Assert.Contains(rows, row => row.Length == 7 && row[2] == "abort" && row[5] == CliHostFixture.Principal && row[6].EndsWith("cli test over", StringComparison.Ordinal));
            Assert.Contains("decision 1 (start):", history.Output, StringComparison.Ordinal);
            Assert.Matches(@"requests: candidate \d+, baseline \d+, this phase \d+", history.Output);

            var list = await host.RunAsync("rollout", "list", "iris-mlp", "--limit", "1");
            CliAssert.Succeeded(list);
            CliAssert.HasRow(list.Output, "NUMBER", "CANDIDATE", "BASELINE", "PHASE", "WEIGHT", "STARTED", "ENDED", "BY");
            var listed = CliAssert.Rows(list.Output)[1];
            Assert.Equal(["2", "1", "aborted"], listed[1..4]);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task RolloutStatus_NeverHadOne_FailsWithTheServersMessage()
    {
        CliAssert.FailedWith(await host.RunAsync("rollout", "status", "gather-lookup"), "error: model 'gather-lookup' has never had a rollout (HTTP 404)");
    }

    [Fact]
    public async Task RolloutPause_NoneRunning_FailsWithTheServersConflict()
    {
        var result = await host.RunAsync("rollout", "pause", "gather-lookup");

        Assert.Equal(1, result.ExitCode);
        Assert.EndsWith("(HTTP 409)" + Environment.NewLine, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Telemetry_PrintsTheWindowAndATableOfVersionsAndSlots()
    {
        var telemetry = await host.RunAsync("telemetry", "iris-mlp", "--window", "1h");

        CliAssert.Succeeded(telemetry);
        Assert.StartsWith("model iris-mlp, last 1h (", telemetry.Output, StringComparison.Ordinal);
        CliAssert.HasRow(
            telemetry.Output,
            "VERSION", "SLOT", "REQUESTS", "ERRORS", "BAD-INPUT", "INVALID", "P50-MS", "P95-MS", "P99-MS", "CONFIDENCE", "AGREEMENT", "ACCURACY", "MAE", "LABELLED", "CLASSES");
    }

    [Fact]
    public async Task Telemetry_BadWindow_FailsWithTheServersMessage()
    {
        CliAssert.FailedWith(
            await host.RunAsync("telemetry", "iris-mlp", "--window", "soon"),
            "error: window must be a duration such as 500ms, 10s, 5m, 1h30m or 2d, not 'soon' (HTTP 400)");
    }

    [Fact]
    public async Task PolicyGet_Json_PrintsTheServersPolicyDocument()
    {
        var result = await host.RunAsync("policy", "get", "gather-lookup", "--json");

        CliAssert.Succeeded(result);
        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal("canary", json.RootElement.GetProperty("mode").GetString());
    }
}

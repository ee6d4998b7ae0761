namespace InferenceHost.Cli.Tests;

/// <summary>
/// <c>rollout watch</c> against real rollouts on the real host: it follows one to its end by itself and exits
/// with how it ended; an abort and Ctrl+C end it too. Every wait is bounded: a watch that never ends is
/// interrupted at <see cref="WatchLimit"/> and fails the test with what it printed.
/// </summary>
[Collection(CliHostCollection.Name)]
public sealed class RolloutWatchTests(CliHostFixture host) : IAsyncLifetime
{
    private const string Model = "iris-mlp";

    private const int Clients = 4;

    /// <summary>
    /// Fast steps for a test, three of them so the watch has steps to show; the statistics are the host's own
    /// and judge the candidate's predictions against the baseline's on the same (mirrored) requests.
    /// </summary>
    private const string FastPolicy = """
        {
          "mode": "canary", "shadow_percent": 100, "steps": [25, 50, 100],
          "step_interval": "1s", "step_min_requests": 30, "evaluation_interval": "250ms", "max_duration": "10m",
          "gates": [{"metric": "error_rate", "threshold": 0.05}, {"metric": "drift", "threshold": 0.1}, {"metric": "agreement", "threshold": 0.9}]
        }
        """;

    /// <summary>A rollout that stays at its first step for the length of any test.</summary>
    private const string SlowPolicy = """{"shadow_percent": 0, "steps": [10, 100], "step_interval": "1h", "gates": []}""";

    private static readonly TimeSpan WatchLimit = TimeSpan.FromSeconds(90);

    private static readonly TimeSpan TrafficCap = TimeSpan.FromSeconds(120);

    private static readonly TimeSpan FirstFrameLimit = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task RolloutWatch_CandidateThatAgrees_FollowsItsStepsAndExitsZeroWhenPromoted()
    {
        var (number, watch) = await WatchUnderTrafficAsync("3");

        Assert.True(watch.ExitCode == 0, $"expected exit 0 (promoted), got {watch}");
        Assert.Equal("", watch.Error);
        Assert.Contains($"── rollout #{number} of iris-mlp: version 3 against 1 ", watch.Output, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^\s*phase\s+canary, step 2 of 3 \(50%\)$", watch.Output);
        Assert.Matches(@"(?m)^canary\s+3\s+50%\s+█+$", watch.Output);
        Assert.Matches($@"(?m)^rollout #{number} of iris-mlp promoted: #\d+ promote at \S+ \S+ by rollout: .*promoted$", watch.Output);
        var final = LastFrame(watch.Output);
        Assert.Matches(@"(?m)^\s*phase\s+promoted$", final);
        Assert.Matches(@"(?m)^green\s+3\s+active\s+100%\s+█+$", final);
        Assert.Matches(@"(?m)^\s*agreement\s+\S+\s+\[\S+, \S+\]\s+0\.9\s+pass\s+\d+$", final);
        var actions = DecisionRows(final);
        Assert.Equal(["start", "step", "step", "step", "promote"], actions.Select(row => row[1]));
        Assert.Equal(["shadow", "canary", "canary", "canary", "promoted"], actions.Select(row => row[2]));
        Assert.Equal(["0%", "25%", "50%", "100%", "100%"], actions.Select(row => row[3]));
    }

    [Fact]
    public async Task RolloutWatch_CandidateThatDrifts_ShowsTheFailingGateAndExitsThreeWhenRolledBack()
    {
        // Version 2 rather than 3, whose telemetry the promotion test fills: a rollout reads its candidate's numbers
        // from the telemetry bucket it starts in, so pairs from a rollout that just ended would count against it.
        var (number, watch) = await WatchUnderTrafficAsync("2");

        Assert.True(watch.ExitCode == 3, $"expected exit 3 (rolled back), got {watch}");
        Assert.Matches($@"(?m)^rollout #{number} of iris-mlp rolled_back: #\d+ rollback at \S+ \S+ by rollout: rolled back: ", watch.Output);
        var final = LastFrame(watch.Output);
        Assert.Matches(@"(?m)^\s*phase\s+rolled_back$", final);
        // Whichever of the two is sure first rolls it back; the other may still be inconclusive.
        Assert.Matches(@"(?m)^\s*(drift\s+\S+\s+\[\S+, \S+\]\s+0\.1|agreement\s+\S+\s+\[\S+, \S+\]\s+0\.9)\s+fail\s+\d+$", final);
        Assert.Matches(@"(?m)^blue\s+1\s+active\s+100%\s+█+$", final);
        Assert.Matches(@"(?m)^canary\s+-\s+0%$", final);
        Assert.Matches(@"(?m)^shadow\s+-\s+0%$", final);
        Assert.Equal(["start", "rollback"], DecisionRows(final).Select(row => row[1]));
    }

    [Fact]
    public async Task RolloutWatch_OperatorAbortsWhileWatching_ExitsFour()
    {
        await DeployAsync("1");
        var number = await StartRolloutAsync("2", SlowPolicy);
        using var output = new ConcurrentOutput();
        using var deadline = new CancellationTokenSource(WatchLimit);
        var watching = host.RunAsync(output, deadline.Token, "rollout", "watch", Model, "--interval", "250ms");
        await output.WaitForAsync("canary, step 1 of 2 (10%)", FirstFrameLimit);

        CliAssert.Succeeded(await host.RunAsync("rollout", "abort", Model, "--reason", "watch test over"));
        var watch = await watching;

        Assert.True(watch.ExitCode == 4, $"expected exit 4 (aborted), got {watch}");
        Assert.Matches($@"(?m)^rollout #{number} of iris-mlp aborted: #\d+ abort at \S+ \S+ by {CliHostFixture.Principal}: .*watch test over$", watch.Output);
        Assert.Matches(@"(?m)^blue\s+1\s+active\s+100%\s+█+$", LastFrame(watch.Output));
    }

    [Fact]
    public async Task RolloutWatch_CtrlC_StopsWatchingAndExits130WhileTheRolloutGoesOn()
    {
        await DeployAsync("1");
        var number = await StartRolloutAsync("2", SlowPolicy);
        using var output = new ConcurrentOutput();
        using var ctrlC = new CancellationTokenSource();
        var watching = host.RunAsync(output, ctrlC.Token, "rollout", "watch", Model, "--interval", "250ms");
        await output.WaitForAsync("canary, step 1 of 2 (10%)", FirstFrameLimit);

        await ctrlC.CancelAsync();
        var watch = await watching.WaitAsync(WatchLimit);

        Assert.True(watch.ExitCode == 130, $"expected exit 130 (interrupted), got {watch}");
        Assert.Equal("", watch.Error);
        Assert.EndsWith(
            $"stopped watching rollout #{number} of iris-mlp at canary, step 1 of 2 (10%); the rollout goes on{Environment.NewLine}", watch.Output, StringComparison.Ordinal);
        CliAssert.HasRow((await host.RunAsync("rollout", "status", Model)).Output, "ended", "running");
    }

    [Fact]
    public async Task RolloutWatch_NeverHadOne_FailsWithTheServersMessage()
    {
        CliAssert.FailedWith(await host.RunAsync("rollout", "watch", "gather-lookup"), "error: model 'gather-lookup' has never had a rollout (HTTP 404)");
    }

    /// <summary>Each test starts its own rollout: none may be left running by an earlier one.</summary>
    public Task InitializeAsync() => AbortRunningAsync();

    /// <summary>Nor may one be left for the next test, whichever class it is in.</summary>
    public Task DisposeAsync() => AbortRunningAsync();

    /// <summary>Refused (and harmless) when no rollout runs.</summary>
    private async Task AbortRunningAsync() => await host.RunAsync("rollout", "abort", Model);

    /// <summary>Puts <paramref name="version"/> alone in blue.</summary>
    private async Task DeployAsync(string version) => CliAssert.Succeeded(await host.RunAsync("deploy", Model, "--blue", version));

    /// <summary>Starts a rollout of <paramref name="candidate"/> with <paramref name="policy"/>; its number.</summary>
    private async Task<string> StartRolloutAsync(string candidate, string policy)
    {
        var file = Path.Combine(Path.GetTempPath(), $"policy-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, policy);
        try
        {
            var start = await host.RunAsync("rollout", "start", Model, candidate, "--policy", file);
            CliAssert.Succeeded(start);
            return CliAssert.Rows(start.Output).Single(row => row[0] == "rollout")[1].Split(':')[0].TrimStart('#');
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>
    /// Rolls <paramref name="candidate"/> out with <see cref="FastPolicy"/> against version 1 under steady traffic, and runs
    /// <c>rollout watch</c> until it exits by itself, or is interrupted at <see cref="WatchLimit"/>.
    /// </summary>
    private async Task<(string Number, CliResult Watch)> WatchUnderTrafficAsync(string candidate)
    {
        await DeployAsync("1");
        await using var traffic = new IrisTraffic(host.Http, Clients, TrafficCap);
        var number = await StartRolloutAsync(candidate, FastPolicy);
        using var output = new ConcurrentOutput();
        using var deadline = new CancellationTokenSource(WatchLimit);
        return (number, await host.RunAsync(output, deadline.Token, "rollout", "watch", Model, "--interval", "250ms"));
    }

    /// <summary>The last frame the watch printed: from its last heading to the end.</summary>
    private static string LastFrame(string output) => output[output.LastIndexOf("── rollout #", StringComparison.Ordinal)..];

    /// <summary>The rows of a frame's decisions table, split into cells.</summary>
    private static List<string[]> DecisionRows(string frame) =>
        [.. CliAssert.Rows(frame[frame.IndexOf("── recent decisions", StringComparison.Ordinal)..]).SkipWhile(row => row[0] != "TIME").Skip(1).Where(row => row.Length == 6)];
}

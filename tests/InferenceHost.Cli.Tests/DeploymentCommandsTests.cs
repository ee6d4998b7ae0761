using System.Text.Json;

namespace InferenceHost.Cli.Tests;

/// <summary>
/// deploy, status, weights, switch, rollback and audit against the real host. Tests share the host
/// and run one at a time, so each reads the revision it starts from and asserts what its own change did.
/// </summary>
[Collection(CliHostCollection.Name)]
public sealed class DeploymentCommandsTests(CliHostFixture host)
{
    private const string Model = "iris-mlp";

    [Fact]
    public async Task Deploy_BlueCanarySplit_PrintsTheNewStatusThatStatusThenShows()
    {
        var before = await RevisionAsync();

        var deploy = await host.RunAsync("deploy", Model, "--blue", "1:80", "--canary", "2:20");
        var status = await host.RunAsync("status", Model);

        CliAssert.Succeeded(deploy);
        CliAssert.Succeeded(status);
        Assert.Equal(deploy.Output, status.Output);
        CliAssert.HasRow(status.Output, "model", Model);
        CliAssert.HasRow(status.Output, "revision", $"{before + 1}");
        Assert.Matches($@"changed\s+\d{{4}}-\d\d-\d\d \d\d:\d\d:\d\dZ by {CliHostFixture.Principal}", status.Output);
        CliAssert.HasRow(status.Output, "SLOT", "VERSION", "TRAFFIC", "MARK");
        CliAssert.HasRow(status.Output, "blue", "1", "80%", "active");
        CliAssert.HasRow(status.Output, "green", "-", "-", "standby");
        CliAssert.HasRow(status.Output, "canary", "2", "20%");
        CliAssert.HasRow(status.Output, "shadow", "-", "-");
    }

    [Fact]
    public async Task Deploy_BothColoursWithoutWeightsAndAShadow_ActiveTakesTheRestAndShadowIsMirrored()
    {
        var deploy = await host.RunAsync("deploy", Model, "--blue", "1", "--green", "2", "--active", "green", "--canary", "3:10", "--shadow", "1:25");

        CliAssert.Succeeded(deploy);
        CliAssert.HasRow(deploy.Output, "blue", "1", "0%", "standby");
        CliAssert.HasRow(deploy.Output, "green", "2", "90%", "active");
        CliAssert.HasRow(deploy.Output, "canary", "3", "10%");
        CliAssert.HasRow(deploy.Output, "shadow", "1", "25%", "mirrored");
    }

    [Fact]
    public async Task Deploy_WeightsSummingTo90_FailsWithTheServersMessageAndChangesNothing()
    {
        var before = await RevisionAsync();

        var deploy = await host.RunAsync("deploy", Model, "--blue", "1:70", "--canary", "2:20");

        CliAssert.FailedWith(deploy, "error: invalid deployment: weights must sum to 100, not 90 (HTTP 400)");
        Assert.Equal(before, await RevisionAsync());
    }

    [Fact]
    public async Task Deploy_StaleIfMatch_FailsWithTheConflict()
    {
        var before = await RevisionAsync();
        CliAssert.Succeeded(await host.RunAsync("deploy", Model, "--blue", "1"));

        var stale = await host.RunAsync("deploy", Model, "--blue", "2", "--if-match", $"{before}");

        CliAssert.FailedWith(stale, $"error: model '{Model}' is at revision {before + 1}, not {before}; read it again and retry (HTTP 409)");
    }

    [Fact]
    public async Task Weights_ExistingSlots_ChangesOnlyThoseWeightsAsTheNextRevision()
    {
        CliAssert.Succeeded(await host.RunAsync("deploy", Model, "--blue", "1:80", "--canary", "2:20", "--shadow", "3:5"));
        var before = await RevisionAsync();

        var weights = await host.RunAsync("weights", Model, "blue=50", "canary=50");

        CliAssert.Succeeded(weights);
        CliAssert.HasRow(weights.Output, "revision", $"{before + 1}");
        CliAssert.HasRow(weights.Output, "blue", "1", "50%", "active");
        CliAssert.HasRow(weights.Output, "canary", "2", "50%");
        CliAssert.HasRow(weights.Output, "shadow", "3", "5%", "mirrored");
    }

    [Fact]
    public async Task Weights_NotSummingTo100_FailsWithTheServersMessage()
    {
        CliAssert.Succeeded(await host.RunAsync("deploy", Model, "--blue", "1:80", "--canary", "2:20"));

        var weights = await host.RunAsync("weights", Model, "blue=70");

        CliAssert.FailedWith(weights, "error: invalid deployment: weights must sum to 100, not 90 (HTTP 400)");
    }

    [Fact]
    public async Task Weights_EmptySlot_FailsWithoutSendingAChange()
    {
        CliAssert.Succeeded(await host.RunAsync("deploy", Model, "--blue", "1"));
        var before = await RevisionAsync();

        var weights = await host.RunAsync("weights", Model, "blue=80", "canary=20");

        CliAssert.FailedWith(
            weights, $"error: the canary slot of model '{Model}' holds no version; 'weights' changes existing slots only (use 'deploy' to fill it)");
        Assert.Equal(before, await RevisionAsync());
    }

    [Fact]
    public async Task SwitchThenRollback_MovesTrafficToTheStandbyColourAndBack()
    {
        CliAssert.Succeeded(await host.RunAsync("deploy", Model, "--blue", "1", "--green", "2", "--active", "blue"));
        var deployed = await RevisionAsync();

        var switched = await host.RunAsync("switch", Model);
        var rolledBack = await host.RunAsync("rollback", Model);

        CliAssert.Succeeded(switched);
        CliAssert.HasRow(switched.Output, "revision", $"{deployed + 1}");
        CliAssert.HasRow(switched.Output, "blue", "1", "0%", "standby");
        CliAssert.HasRow(switched.Output, "green", "2", "100%", "active");
        CliAssert.Succeeded(rolledBack);
        CliAssert.HasRow(rolledBack.Output, "revision", $"{deployed + 2}");
        CliAssert.HasRow(rolledBack.Output, "blue", "1", "100%", "active");
        CliAssert.HasRow(rolledBack.Output, "green", "2", "0%", "standby");
    }

    [Fact]
    public async Task Audit_AfterDeploySwitchRollback_ListsThemOldestFirstWithActorAndChange()
    {
        CliAssert.Succeeded(await host.RunAsync("deploy", Model, "--blue", "1", "--green", "3", "--active", "blue"));
        var deployed = await RevisionAsync();
        CliAssert.Succeeded(await host.RunAsync("switch", Model));
        CliAssert.Succeeded(await host.RunAsync("rollback", Model));

        var audit = await host.RunAsync("audit", "--model", Model, "--limit", "3");

        CliAssert.Succeeded(audit);
        var rows = CliAssert.Rows(audit.Output).Where(row => row.Length > 1).ToList();
        Assert.Equal(["SEQ", "TIME", "ACTOR", "ACTION", "MODEL", "CHANGE"], rows[0]);
        Assert.Equal(["deploy", "switch", "rollback"], rows.Skip(1).Select(row => row[3]));
        Assert.All(rows.Skip(1), row => Assert.Equal([CliHostFixture.Principal, Model], [row[2], row[4]]));
        Assert.Matches($@"^r{deployed} .* → r{deployed + 1} blue=1 0%, green=3 100% \(active\)", rows[2][5]);
        Assert.StartsWith($"r{deployed + 1} ", rows[3][5], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_Json_PrintsTheServersDeploymentDocument()
    {
        var status = await host.RunAsync("status", "dtype-echo", "--json");

        CliAssert.Succeeded(status);
        Assert.Equal(
            """{"model":"dtype-echo","revision":0,"changed_at":null,"changed_by":null,"active":null,"standby":null,"slots":{"blue":null,"green":null,"canary":null},"shadow":null}""",
            status.Output.TrimEnd());
    }

    [Fact]
    public async Task Status_NeverDeployed_SaysTheHighestReadyVersionServes()
    {
        var status = await host.RunAsync("status", "dtype-echo");

        CliAssert.Succeeded(status);
        CliAssert.HasRow(status.Output, "revision", "0");
        CliAssert.HasRow(status.Output, "changed", "never");
        CliAssert.HasRow(status.Output, "deployment", "none: the highest ready version serves");
        CliAssert.HasRow(status.Output, "blue", "-", "-");
    }

    [Fact]
    public async Task Switch_NoDeployment_FailsWithTheServersConflict()
    {
        var result = await host.RunAsync("switch", "gather-lookup");

        CliAssert.FailedWith(result, "error: model 'gather-lookup' has no deployment to switch (HTTP 409)");
    }

    private async Task<long> RevisionAsync()
    {
        var status = await host.RunAsync("status", Model, "--json");
        CliAssert.Succeeded(status);
        using var json = JsonDocument.Parse(status.Output);
        return json.RootElement.GetProperty("revision").GetInt64();
    }
}

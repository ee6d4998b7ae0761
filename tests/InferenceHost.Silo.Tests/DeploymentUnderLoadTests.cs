using System.Text.Json;
using Xunit;

namespace InferenceHost.Silo.Tests;

/// <summary>
/// Deploy, switch, rollback and canary changes while requests flow (issue 3, item 7): no request
/// fails, and each is served by a version its route table held at the revision it reports.
/// </summary>
public sealed class DeploymentUnderLoadTests(EmbeddedAdminHostFixture host) : IClassFixture<EmbeddedAdminHostFixture>
{
    private const string Model = "iris-mlp";

    /// <summary>What serves before anything is deployed: iris-mlp's highest ready version.</summary>
    private const string DefaultVersion = "3";

    private const int Clients = 8;

    /// <summary>Responses each table must serve before the next change, so every table sees traffic.</summary>
    private const int ResponsesPerTable = 50;

    private const int ResponsesAfterLastChange = 400;

    private static readonly TimeSpan HardCap = TimeSpan.FromSeconds(30);

    private readonly Dictionary<long, DeploymentView> _tables = [];

    [Fact]
    public async Task Changes_DuringRequestStream_NoFailuresAndEveryResponseFollowsItsTable()
    {
        Keep(await host.Http.GetDeploymentAsync(Model));
        await using var stream = new RequestStream(host.Http, Model, Clients, HardCap);

        await ChangeAsync(stream, () => host.Http.PutDeploymentAsync(Model, """
            {"active": "blue", "slots": {"blue": {"version": "1", "weight": 100}, "green": {"version": "2", "weight": 0}}}
            """));
        await ChangeAsync(stream, () => host.Http.SwitchAsync(Model));
        await ChangeAsync(stream, () => host.Http.RollbackAsync(Model));
        await ChangeAsync(stream, () => host.Http.PutDeploymentAsync(Model, """
            {"active": "blue", "slots": {"blue": {"version": "1", "weight": 70}, "green": {"version": "2", "weight": 0}, "canary": {"version": "3", "weight": 30}}}
            """));
        var final = await ChangeAsync(stream, () => host.Http.SwitchAsync(Model));
        await stream.WaitForAsync(r => r.Revision == final.Revision && r.Slot == "green", 1, "a response from the new active colour, green");
        await stream.WaitForMoreAsync(ResponsesAfterLastChange);
        var clients = await stream.StopAsync();

        var responses = clients.SelectMany(c => c).ToList();
        AssertNone("failed responses", responses.Where(r => !r.Succeeded).Select(r => r.ToString()));
        AssertNone(
            "responses their table does not explain",
            responses.Where(r => !_tables.TryGetValue(r.Revision!.Value, out var table) || !table.Explains(r, DefaultVersion)).Select(r => r.ToString()));
        Assert.Subset(new HashSet<string?> { "1", "2", "3" }, responses.Select(r => r.Version).ToHashSet());
        AssertNone(
            "revisions going backwards",
            clients.SelectMany((c, i) => c.Zip(c.Skip(1))
                .Where(pair => pair.Second.Revision < pair.First.Revision)
                .Select(pair => $"client {i}: {pair.First}, then {pair.Second}")));
        Assert.All(clients, c => Assert.Equal(final.Revision, c[^1].Revision));
        Assert.Equal(
            ["canary:3", "green:2"],
            responses.Where(r => r.Revision == final.Revision).Select(r => $"{r.Slot}:{r.Version}").Distinct().Order());
    }

    /// <summary>Makes a change and waits until the stream has been served by its table, so no table goes untested.</summary>
    private async Task<DeploymentView> ChangeAsync(RequestStream stream, Func<Task<JsonElement>> change)
    {
        var table = Keep(await change());
        await stream.WaitForAsync(r => r.Revision == table.Revision, ResponsesPerTable, $"{ResponsesPerTable} responses at revision {table.Revision}");
        return table;
    }

    private DeploymentView Keep(JsonElement deployment)
    {
        var table = DeploymentView.From(deployment);
        _tables.Add(table.Revision, table);
        return table;
    }

    private static void AssertNone(string what, IEnumerable<string> found)
    {
        var distinct = found.Distinct().ToList();
        Assert.True(distinct.Count == 0, $"{distinct.Count} kinds of {what}: {string.Join("; ", distinct.Take(5))}");
    }
}

using System.Text.Json;

namespace InferenceHost.Cli.Tests;

/// <summary>compare against the real host.</summary>
[Collection(CliHostCollection.Name)]
public sealed class CompareCommandTests(CliHostFixture host)
{
    private static readonly string[] Metrics =
        ["error_rate", "latency_p50", "latency_p95", "latency_p99", "invalid_outputs", "drift", "agreement", "accuracy"];

    [Fact]
    public async Task Compare_PrintsTheWindowBothRequestCountsAndOneRowPerGate()
    {
        var compare = await host.RunAsync("compare", "iris-mlp", "3", "1", "--window", "10m");

        CliAssert.Succeeded(compare);
        Assert.StartsWith("model iris-mlp, version 3 against 1, last 10m (", compare.Output, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^requests: candidate \d+, baseline \d+\r?$", compare.Output);
        CliAssert.HasRow(compare.Output, "GATE", "THRESHOLD", "OUTCOME", "CANDIDATE", "BASELINE", "ESTIMATE", "INTERVAL", "SAMPLES", "DETAIL");
        var gates = CliAssert.Rows(compare.Output).Where(row => Metrics.Contains(row[0])).ToList();
        Assert.Equal(Metrics, gates.Select(row => row[0]));
        Assert.All(gates, row => Assert.True(double.Parse(row[1], System.Globalization.CultureInfo.InvariantCulture) > 0, $"{row[0]} has no threshold"));
    }

    [Fact]
    public async Task Compare_Json_PrintsTheServersDocument()
    {
        var result = await host.RunAsync("compare", "iris-mlp", "2", "1", "--json");

        CliAssert.Succeeded(result);
        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal(("2", "1", "5m"), (
            json.RootElement.GetProperty("candidate").GetString(), json.RootElement.GetProperty("baseline").GetString(),
            json.RootElement.GetProperty("window").GetString()));
        Assert.Equal(Metrics, json.RootElement.GetProperty("gates").EnumerateArray().Select(g => g.GetProperty("metric").GetString()));
    }

    [Fact]
    public async Task Compare_SameVersionTwice_FailsWithTheServersMessage()
    {
        CliAssert.FailedWith(
            await host.RunAsync("compare", "iris-mlp", "2", "2"), "error: compare two different versions, not '2' with itself (HTTP 400)");
    }

    [Fact]
    public async Task Compare_BadWindow_FailsWithTheServersMessage()
    {
        CliAssert.FailedWith(
            await host.RunAsync("compare", "iris-mlp", "3", "1", "--window", "soon"),
            "error: window must be a duration such as 500ms, 10s, 5m, 1h30m or 2d, not 'soon' (HTTP 400)");
    }
}

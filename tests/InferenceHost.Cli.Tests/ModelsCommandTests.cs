using System.Text.Json;

namespace InferenceHost.Cli.Tests;

[Collection(CliHostCollection.Name)]
public sealed class ModelsCommandTests(CliHostFixture host)
{
    [Fact]
    public async Task Models_RealHost_ListsEveryVersionWithStateAndRevision()
    {
        var models = await host.RunAsync("models");

        CliAssert.Succeeded(models);
        CliAssert.HasRow(models.Output, "MODEL", "VERSION", "STATE", "REVISION", "REASON");
        CliAssert.HasRow(models.Output, "dtype-echo", "1", "READY", "0");
        foreach (var version in new[] { "1", "2", "3" })
        {
            Assert.Contains(CliAssert.Rows(models.Output), row => row is ["iris-mlp", var v, "READY", _] && v == version);
        }
    }

    [Fact]
    public async Task Models_Json_PrintsTheServersDocument()
    {
        var models = await host.RunAsync("models", "--json");

        CliAssert.Succeeded(models);
        using var json = JsonDocument.Parse(models.Output);
        Assert.Contains(json.RootElement.GetProperty("models").EnumerateArray(), model => model.GetProperty("name").GetString() == "iris-mlp");
    }
}

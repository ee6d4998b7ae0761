using InferenceHost.Tests.Common;

namespace InferenceHost.Cli.Tests;

/// <summary>Where the CLI finds the host and its token, and what it says when either is wrong.</summary>
[Collection(CliHostCollection.Name)]
public sealed class ConnectionTests(CliHostFixture host) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("inferencehost-cli-").FullName;

    [Fact]
    public async Task WrongToken_FailsWithTheServersRefusal()
    {
        var result = await host.RunWithUrlAsync("models", "--token", "not-the-token-0123456789");

        CliAssert.FailedWith(result, "error: invalid token (HTTP 403)");
    }

    [Fact]
    public async Task TokenFile_NoTokenGiven_IsReadFromTheFile()
    {
        var tokenFile = Path.Combine(_folder, "admin-token");
        await File.WriteAllTextAsync(tokenFile, CliHostFixture.Token + "\n");

        var result = await host.RunWithUrlAsync("models", "--token-file", tokenFile);

        CliAssert.Succeeded(result);
        CliAssert.HasRow(result.Output, "dtype-echo", "1", "READY", "0");
    }

    [Fact]
    public async Task TokenFile_Missing_FailsNamingTheFileAndTheAlternatives()
    {
        var tokenFile = Path.Combine(_folder, "absent");

        var result = await host.RunWithUrlAsync("models", "--token-file", tokenFile);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith($"error: no admin token: {tokenFile} does not exist. Pass --token, set INFERENCEHOST_TOKEN", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Environment_UrlAndToken_AreUsedWhenNoOptionsGiven()
    {
        var environment = new Dictionary<string, string>
        {
            ["INFERENCEHOST_URL"] = host.HttpAddress.ToString(),
            ["INFERENCEHOST_TOKEN"] = CliHostFixture.Token,
        };

        var result = await CliRunner.RunAsync(["models"], environment);

        CliAssert.Succeeded(result);
    }

    [Fact]
    public async Task NothingListening_FailsNamingTheUrl()
    {
        var url = $"http://127.0.0.1:{FreePorts.Take(1)[0]}";

        var result = await CliRunner.RunAsync(["models", "--url", url, "--token", CliHostFixture.Token]);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith($"error: cannot connect to InferenceHost at {url}/: ", result.Error, StringComparison.Ordinal);
        Assert.Contains("is the host running?", result.Error, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}

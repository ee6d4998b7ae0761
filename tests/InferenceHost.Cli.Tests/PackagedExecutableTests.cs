using System.Diagnostics;

namespace InferenceHost.Cli.Tests;

/// <summary>
/// The built <c>inferencehost.dll</c> (with its runtimeconfig and deps, as the build copies them here)
/// run as a real process with <c>dotnet</c>, as an operator runs it.
/// </summary>
[Collection(CliHostCollection.Name)]
public sealed class PackagedExecutableTests(CliHostFixture host) : IDisposable
{
    private static readonly TimeSpan ProcessTimeout = TimeSpan.FromSeconds(60);

    private readonly string _workingDirectory = Directory.CreateTempSubdirectory("inferencehost-cli-").FullName;

    [Fact]
    public async Task Models_WithUrlAndToken_PrintsTheTable()
    {
        var result = await RunProcessAsync("models", "--url", host.HttpAddress.ToString(), "--token", CliHostFixture.Token);

        CliAssert.Succeeded(result);
        CliAssert.HasRow(result.Output, "MODEL", "VERSION", "STATE", "REVISION", "REASON");
        CliAssert.HasRow(result.Output, "dtype-echo", "1", "READY", "0");
    }

    [Fact]
    public async Task Models_NoToken_ReadsStateAdminTokenInTheCurrentDirectory()
    {
        Directory.CreateDirectory(Path.Combine(_workingDirectory, "state"));
        await File.WriteAllTextAsync(Path.Combine(_workingDirectory, "state", "admin-token"), CliHostFixture.Token + "\n");

        var result = await RunProcessAsync("models", "--url", host.HttpAddress.ToString());

        CliAssert.Succeeded(result);
        CliAssert.HasRow(result.Output, "dtype-echo", "1", "READY", "0");
    }

    [Fact]
    public async Task UnknownCommand_ExitCodeIsTwo()
    {
        var result = await RunProcessAsync("frobnicate");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error: unknown command 'frobnicate'", result.Error, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_workingDirectory, recursive: true);

    private async Task<CliResult> RunProcessAsync(params string[] args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = _workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "inferencehost.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // Only what the test passes may point the CLI at a host or a token.
        start.Environment.Remove("INFERENCEHOST_URL");
        start.Environment.Remove("INFERENCEHOST_TOKEN");

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(ProcessTimeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"inferencehost {string.Join(' ', args)} did not exit within {ProcessTimeout}");
        }

        return new CliResult(process.ExitCode, await output, await error);
    }
}

using System.Diagnostics;
using System.Net;

namespace InferenceHost.Benchmarks.Hosting;

/// <summary>
/// A server started as a child process (under <c>taskset</c> when CPUs are given) so servers and
/// load generator can run on different cores: the host, a plain server, NGINX or Redis. Disposing it kills it.
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromMinutes(3);
    private static readonly HttpClient ReadinessClient = new(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(5) };

    private readonly Process process;
    private readonly ProcessOutputTail output = new(lines: 40);

    private ServerProcess(string name, Process process)
    {
        Name = name;
        this.process = process;
    }

    public string Name { get; }

    /// <summary>CPU time the process has used so far.</summary>
    public TimeSpan CpuTime
    {
        get
        {
            process.Refresh();
            return process.TotalProcessorTime;
        }
    }

    /// <summary>Starts <paramref name="fileName"/> and waits until <paramref name="readyUri"/> answers 200.</summary>
    public static Task<ServerProcess> StartAsync(
        string name, string fileName, IEnumerable<string> arguments, string workingDirectory, string? serverCpus, Uri readyUri, CancellationToken cancellationToken) =>
        StartAsync(name, fileName, arguments, workingDirectory, serverCpus, token => AnswersOkAsync(readyUri, token), cancellationToken);

    /// <summary>Starts <paramref name="fileName"/> and waits until <paramref name="isReady"/> says yes.</summary>
    public static async Task<ServerProcess> StartAsync(
        string name,
        string fileName,
        IEnumerable<string> arguments,
        string workingDirectory,
        string? serverCpus,
        Func<CancellationToken, Task<bool>> isReady,
        CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            FileName = serverCpus is null ? fileName : "taskset",
        };
        if (serverCpus is not null)
        {
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add(serverCpus);
            start.ArgumentList.Add(fileName);
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var server = new ServerProcess(name, Process.Start(start) ?? throw new InvalidOperationException($"{name} did not start"));
        try
        {
            server.output.Follow(server.process);
            await server.WaitUntilReadyAsync(isReady, cancellationToken);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    private async Task WaitUntilReadyAsync(Func<CancellationToken, Task<bool>> isReady, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(ReadyTimeout.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited with code {process.ExitCode} before it was ready:\n{output}");
            }

            if (await isReady(cancellationToken))
            {
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
        }

        throw new TimeoutException($"{Name} was not ready within {ReadyTimeout}:\n{output}");
    }

    private static async Task<bool> AnswersOkAsync(Uri ready, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await ReadinessClient.GetAsync(ready, cancellationToken);
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (Exception exception) when ((exception is HttpRequestException or TaskCanceledException) && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}

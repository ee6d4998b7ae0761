using System.Diagnostics;
using System.Net;

namespace InferenceHost.Benchmarks.Hosting;

/// <summary>
/// The real host, started as a child process (under <c>taskset</c> when CPUs are given) so server
/// and load generator can run on different cores. Disposing it kills the process.
/// </summary>
internal sealed class HostProcess : IAsyncDisposable
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromMinutes(3);

    private readonly Process process;
    private readonly ProcessOutputTail output = new(lines: 40);

    private HostProcess(Process process, HostPorts ports)
    {
        this.process = process;
        Ports = ports;
    }

    public HostPorts Ports { get; }

    /// <summary>CPU time the host has used so far.</summary>
    public TimeSpan CpuTime
    {
        get
        {
            process.Refresh();
            return process.TotalProcessorTime;
        }
    }

    public Uri HttpAddress => new($"http://127.0.0.1:{Ports.Http}/");

    public Uri GrpcAddress => new($"http://127.0.0.1:{Ports.Grpc}/");

    public static async Task<HostProcess> StartAsync(string siloAssembly, string modelsDirectory, string? serverCpus, CancellationToken cancellationToken)
    {
        var ports = HostPorts.Free();
        var start = StartInfo(siloAssembly, serverCpus);
        foreach (var argument in HostArguments(ports, modelsDirectory))
        {
            start.ArgumentList.Add(argument);
        }

        var host = new HostProcess(Process.Start(start) ?? throw new InvalidOperationException("the host process did not start"), ports);
        try
        {
            host.output.Follow(host.process);
            await host.WaitUntilReadyAsync(cancellationToken);
            return host;
        }
        catch
        {
            await host.DisposeAsync();
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

    private static ProcessStartInfo StartInfo(string siloAssembly, string? serverCpus)
    {
        var start = new ProcessStartInfo
        {
            // The host reads appsettings.json from its working directory.
            WorkingDirectory = Path.GetDirectoryName(siloAssembly)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (serverCpus is null)
        {
            start.FileName = "dotnet";
        }
        else
        {
            start.FileName = "taskset";
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add(serverCpus);
            start.ArgumentList.Add("dotnet");
        }

        start.ArgumentList.Add(siloAssembly);
        return start;
    }

    private static IEnumerable<string> HostArguments(HostPorts ports, string modelsDirectory) =>
    [
        "--InferenceHost:Endpoints:ListenAddress=127.0.0.1",
        $"--InferenceHost:Endpoints:HttpPort={ports.Http}",
        $"--InferenceHost:Endpoints:GrpcPort={ports.Grpc}",
        $"--InferenceHost:Cluster:SiloPort={ports.Silo}",
        $"--InferenceHost:Cluster:GatewayPort={ports.Gateway}",
        $"--InferenceHost:Inference:RepositoryPath={modelsDirectory}",
        "--Logging:LogLevel:Default=Warning",
    ];

    private async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        using var client = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(5) };
        var ready = new Uri(HttpAddress, "v2/health/ready");
        var deadline = Stopwatch.GetTimestamp() + (long)(ReadyTimeout.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"the host exited with code {process.ExitCode} before it was ready:\n{output}");
            }

            if (await IsReadyAsync(client, ready, cancellationToken))
            {
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
        }

        throw new TimeoutException($"the host was not ready within {ReadyTimeout}:\n{output}");
    }

    private static async Task<bool> IsReadyAsync(HttpClient client, Uri ready, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await client.GetAsync(ready, cancellationToken);
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (Exception exception) when ((exception is HttpRequestException or TaskCanceledException) && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}

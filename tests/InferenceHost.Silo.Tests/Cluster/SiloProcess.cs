using System.Diagnostics;
using System.Net;
using InferenceHost.Tests.Common;

namespace InferenceHost.Silo.Tests.Cluster;

/// <summary>
/// One silo as a separate process (the host executable beside these tests), clustered through Redis,
/// so it can be killed the way a node dies: SIGKILL, no shutdown, no goodbye to the cluster.
/// </summary>
public sealed class SiloProcess : IAsyncDisposable
{
    private readonly string[] _arguments;
    private Process? _process;

    public SiloProcess(string redis, string serviceId, string name)
    {
        var ports = FreePorts.Take(4);
        Name = name;
        HttpAddress = new Uri($"http://127.0.0.1:{ports[0]}");
        _arguments =
        [
            Path.Combine(AppContext.BaseDirectory, "InferenceHost.Silo.dll"),
            "--InferenceHost:Endpoints:ListenAddress=127.0.0.1",
            $"--InferenceHost:Endpoints:HttpPort={ports[0]}",
            $"--InferenceHost:Endpoints:GrpcPort={ports[1]}",
            $"--InferenceHost:Cluster:SiloPort={ports[2]}",
            $"--InferenceHost:Cluster:GatewayPort={ports[3]}",
            "--InferenceHost:Cluster:Mode=Redis",
            $"--InferenceHost:Cluster:RedisConnectionString={redis}",
            $"--InferenceHost:Cluster:ClusterId={serviceId}",
            $"--InferenceHost:Cluster:ServiceId={serviceId}",
            "--InferenceHost:Cluster:AdvertisedAddress=127.0.0.1",
            "--InferenceHost:Storage:Mode=Redis",
            $"--InferenceHost:Inference:RepositoryPath={RepositoryPaths.Models}",
            "--Logging:LogLevel:Default=Warning",
            .. AdminSettings.Arguments,
        ];
        Http = new HttpClient { BaseAddress = HttpAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public string Name { get; }

    /// <summary>The silo's console output, across restarts.</summary>
    public string LogPath { get; } = Path.Combine(Path.GetTempPath(), $"inferencehost-silo-{Guid.NewGuid():N}.log");

    public Uri HttpAddress { get; }

    public HttpClient Http { get; }

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>Starts the process and waits until it answers ready.</summary>
    public async Task StartAsync()
    {
        var start = new ProcessStartInfo("dotnet", _arguments)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        _process = Process.Start(start) ?? throw new InvalidOperationException($"silo {Name} did not start");

        // Kept in a log file of its own, so a failing test can say what the silo saw.
        var log = new StreamWriter(LogPath, append: true) { AutoFlush = true };
        _process.OutputDataReceived += (_, e) => { lock (log) { log.WriteLine(e.Data); } };
        _process.ErrorDataReceived += (_, e) => { lock (log) { log.WriteLine(e.Data); } };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await Eventually.TrueAsync(IsReadyAsync, TimeSpan.FromSeconds(120), $"silo {Name} to answer ready");
    }

    /// <summary>SIGKILL: the process is gone at once, in the middle of whatever it was doing.</summary>
    public void Kill()
    {
        _process?.Kill(entireProcessTree: true);
        _process?.WaitForExit();
    }

    public async ValueTask DisposeAsync()
    {
        if (IsRunning)
        {
            Kill();
        }

        _process?.Dispose();
        Http.Dispose();
        await Task.CompletedTask;
    }

    private async Task<bool> IsReadyAsync()
    {
        if (_process is { HasExited: true })
        {
            throw new InvalidOperationException($"silo {Name} exited with code {_process.ExitCode} before it was ready");
        }

        try
        {
            using var response = await Http.GetAsync(new Uri("/v2/health/ready", UriKind.Relative));
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }
}

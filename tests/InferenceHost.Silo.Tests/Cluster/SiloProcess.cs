using System.Diagnostics;
using System.Globalization;
using System.Net;
using InferenceHost.Tests.Common;

namespace InferenceHost.Silo.Tests.Cluster;

/// <summary>
/// One silo as a separate process (the host executable beside these tests), clustered through Redis,
/// so it can be stopped the way a node is: SIGKILL (dies at once, no goodbye to the cluster) or SIGTERM
/// (drains and hands its grains over). Its ports are kept across restarts, as a node keeps its address.
/// </summary>
public sealed class SiloProcess : IAsyncDisposable
{
    /// <summary>A balancer's health check gives up on a silo that has not answered by then.</summary>
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(1);

    /// <summary>The drain period plus Orleans' own shutdown allowance, with room to spare.</summary>
    private static readonly TimeSpan StopLimit = TimeSpan.FromSeconds(60);

    private readonly string[] _arguments;
    private Process? _process;
    private StreamWriter? _log;

    /// <param name="redis">The Redis connection string, for membership and grain state.</param>
    /// <param name="serviceId">The cluster's ServiceId (and ClusterId): silos with the same one share state.</param>
    /// <param name="name">How failures name this silo.</param>
    /// <param name="extraArguments">More <c>--key=value</c> settings, after (so overriding) the cluster's own.</param>
    public SiloProcess(string redis, string serviceId, string name, IEnumerable<string>? extraArguments = null)
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
            .. extraArguments ?? [],
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
        _process?.Dispose();
        var start = new ProcessStartInfo("dotnet", _arguments)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        _process = Process.Start(start) ?? throw new InvalidOperationException($"silo {Name} did not start");

        // Kept in a log file of its own, so a failing test can say what the silo saw.
        var log = _log = new StreamWriter(LogPath, append: true) { AutoFlush = true };
        _process.OutputDataReceived += (_, e) => Write(log, e.Data);
        _process.ErrorDataReceived += (_, e) => Write(log, e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await Eventually.TrueAsync(
            () => _process.HasExited
                ? throw new InvalidOperationException($"silo {Name} exited with code {_process.ExitCode} before it was ready; see {LogPath}")
                : IsReadyAsync(),
            TimeSpan.FromSeconds(120),
            $"silo {Name} to answer ready");
    }

    /// <summary>
    /// SIGTERM, as an orchestrator stops a node, and waits for the process to exit: readiness goes false,
    /// the silo serves through its drain period, then Orleans hands its grains over and leaves the cluster.
    /// </summary>
    public async Task StopAsync()
    {
        var process = _process ?? throw new InvalidOperationException($"silo {Name} was never started");
        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using (var limit = new CancellationTokenSource(StopLimit))
        {
            try
            {
                await process.WaitForExitAsync(limit.Token);
            }
            catch (OperationCanceledException)
            {
                Kill();
                throw new TimeoutException($"silo {Name} did not exit within {StopLimit} of SIGTERM; see {LogPath}");
            }
        }

        CloseLog();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"silo {Name} exited with code {process.ExitCode} after SIGTERM; see {LogPath}");
        }
    }

    /// <summary>SIGKILL: the process is gone at once, in the middle of whatever it was doing.</summary>
    public void Kill()
    {
        _process?.Kill(entireProcessTree: true);
        _process?.WaitForExit();
        CloseLog();
    }

    /// <summary>A balancer's health check: true when the silo answers ready in time, false on any other answer or none.</summary>
    public async Task<bool> IsReadyAsync()
    {
        using var timeout = new CancellationTokenSource(ProbeTimeout);
        try
        {
            using var response = await Http.GetAsync(new Uri("/v2/health/ready", UriKind.Relative), timeout.Token);
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (IsRunning)
        {
            Kill();
        }

        CloseLog();
        _process?.Dispose();
        Http.Dispose();
        await Task.CompletedTask;
    }

    private static void Write(StreamWriter log, string? line)
    {
        lock (log)
        {
            try
            {
                log.WriteLine(line);
            }
            catch (ObjectDisposedException)
            {
                // The last lines of a killed process can race the log's closing; they add nothing to what it shows.
            }
        }
    }

    private void CloseLog()
    {
        if (_log is { } log)
        {
            lock (log)
            {
                log.Dispose();
            }

            _log = null;
        }
    }
}

using System.Net;
using Grpc.Net.Client;
using InferenceHost.Silo;
using Microsoft.AspNetCore.Builder;
using Xunit;

namespace InferenceHost.Tests.Common;

/// <summary>
/// The real host, as the README's run command starts it (embedded clustering, the repository's
/// models), on free loopback ports, with real HTTP and gRPC clients. Ready when the repository has loaded.
/// </summary>
public class InferenceHostFixture : IAsyncLifetime
{
    private WebApplication? _app;

    /// <summary>This host's own grain state folder, so hosts in parallel runs never share deployments.</summary>
    public string StatePath { get; } = Path.Combine(Path.GetTempPath(), $"inferencehost-state-{Guid.NewGuid():N}");

    public HttpClient Http { get; private set; } = null!;

    public GrpcChannel GrpcChannel { get; private set; } = null!;

    public Uri HttpAddress { get; private set; } = null!;

    public Uri GrpcAddress { get; private set; } = null!;

    /// <summary>The running host's services (catalog, options) for assertions on server-side state.</summary>
    public IServiceProvider Services => _app!.Services;

    public virtual Task InitializeAsync() => StartAsync();

    /// <summary>
    /// Stops this host and starts a new one with the same settings over the same state folder, on
    /// new ports: a restart of the whole host, as an operator would do it. The clients are replaced.
    /// </summary>
    public async Task RestartAsync()
    {
        await StopAsync();
        await StartAsync();
    }

    public virtual async Task DisposeAsync()
    {
        await StopAsync();
        if (Directory.Exists(StatePath))
        {
            Directory.Delete(StatePath, recursive: true);
        }
    }

    /// <summary>More <c>--key=value</c> settings for fixtures that change the defaults.</summary>
    protected virtual IEnumerable<string> ExtraArguments() => [];

    private async Task StartAsync()
    {
        var ports = FreePorts.Take(4);
        HttpAddress = new Uri($"http://127.0.0.1:{ports[0]}");
        GrpcAddress = new Uri($"http://127.0.0.1:{ports[1]}");
        _app = InferenceHostApplication.Create([.. Arguments(ports), $"--InferenceHost:Storage:Path={StatePath}", $"--InferenceHost:Admin:TokenFile={Path.Combine(StatePath, "admin-token")}", .. ExtraArguments()]);
        await _app.StartAsync();
        Http = new HttpClient { BaseAddress = HttpAddress };
        GrpcChannel = GrpcChannel.ForAddress(GrpcAddress);
        await Eventually.TrueAsync(
            async () => (await Http.GetAsync(new Uri("/v2/health/ready", UriKind.Relative))).StatusCode == HttpStatusCode.OK,
            TimeSpan.FromSeconds(90),
            "the host to load its model repository");
    }

    private async Task StopAsync()
    {
        Http?.Dispose();
        GrpcChannel?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
            _app = null;
        }
    }

    private static string[] Arguments(int[] ports) =>
    [
        "--InferenceHost:Endpoints:ListenAddress=127.0.0.1",
        $"--InferenceHost:Endpoints:HttpPort={ports[0]}",
        $"--InferenceHost:Endpoints:GrpcPort={ports[1]}",
        $"--InferenceHost:Cluster:SiloPort={ports[2]}",
        $"--InferenceHost:Cluster:GatewayPort={ports[3]}",
        $"--InferenceHost:Inference:RepositoryPath={RepositoryPaths.Models}",

        // Tests stop hosts by the dozen and have no load balancer to drain for; drain tests set their own.
        "--InferenceHost:Endpoints:DrainPeriod=00:00:00",
        "--Logging:LogLevel:Default=Warning",
    ];
}

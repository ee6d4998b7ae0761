using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace InferenceHost.Benchmarks.Hosting;

/// <summary>
/// Every server the run compares, each a child process: the host (its URL-versioned requests pinned
/// to one version, the others split three ways), the host with telemetry off, the host with dynamic
/// batching on for the compared model, a plain ASP.NET Core + ONNX Runtime server, and NGINX
/// splitting over that plain server and a second one (null when <c>nginx</c> is not on PATH).
/// </summary>
internal sealed class BenchmarkServers : IAsyncDisposable
{
    /// <summary>The host's three-way split for the compared model, deployed before anything is measured.</summary>
    public const string SplitDeployment =
        """{"active":"blue","slots":{"blue":{"version":"1","weight":60},"green":{"version":"2","weight":20},"canary":{"version":"3","weight":20}}}""";

    private readonly List<IAsyncDisposable> owned = [];
    private readonly string scratch;

    private BenchmarkServers(string scratch) => this.scratch = scratch;

    public DotnetServer Host { get; private set; } = null!;

    public DotnetServer HostWithoutTelemetry { get; private set; } = null!;

    public DotnetServer HostWithBatching { get; private set; } = null!;

    public DotnetServer Plain { get; private set; } = null!;

    public NginxSplit? Nginx { get; private set; }

    /// <exception cref="InvalidOperationException">A server did not start, or the split was not accepted.</exception>
    public static async Task<BenchmarkServers> StartAsync(
        RepositoryLayout layout, string comparedModel, string? serverCpus, TextWriter progress, CancellationToken cancellationToken)
    {
        var scratch = Path.Combine(Path.GetTempPath(), $"inferencehost-bench-{Environment.ProcessId}");
        var servers = new BenchmarkServers(scratch);
        try
        {
            var launcher = new ServerLauncher(layout, serverCpus, scratch);
            var token = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
            progress.WriteLine($"starting the servers{(serverCpus is { } cpus ? $" on CPUs {cpus}" : string.Empty)}: host, host without telemetry, host with batching, plain servers, nginx");
            servers.Host = servers.Own(await launcher.StartHostAsync("host", layout.ModelsDirectory, token, [], cancellationToken));
            await DeploySplitAsync(servers.Host, comparedModel, token, cancellationToken);
            servers.HostWithoutTelemetry = servers.Own(await launcher.StartHostAsync(
                "host-no-telemetry", layout.ModelsDirectory, token, ["--InferenceHost:Telemetry:Enabled=false"], cancellationToken));
            var batchingModels = await BatchingRepositoryAsync(layout, comparedModel, Path.Combine(scratch, "batching-models"), cancellationToken);
            servers.HostWithBatching = servers.Own(await launcher.StartHostAsync("host-batching", batchingModels, token, [], cancellationToken));
            servers.Plain = servers.Own(await launcher.StartPlainAsync("plain", comparedModel, cancellationToken));
            var second = servers.Own(await launcher.StartPlainAsync("plain-2", comparedModel, cancellationToken));
            servers.Nginx = await launcher.StartNginxAsync(servers.Plain, second, cancellationToken) is { } nginx ? servers.Own(nginx) : null;
            progress.WriteLine(servers.Nginx is null ? "nginx is not on PATH: the NGINX rows are skipped" : "servers ready");
            return servers;
        }
        catch
        {
            await servers.DisposeAsync();
            throw;
        }
    }

    /// <summary>Every server process, for the run's own CPU time.</summary>
    public TimeSpan CpuTime => owned.OfType<DotnetServer>().Aggregate(TimeSpan.Zero, (sum, server) => sum + server.Process.CpuTime);

    public async ValueTask DisposeAsync()
    {
        // Nginx first, then the servers behind it.
        for (var i = owned.Count - 1; i >= 0; i--)
        {
            await owned[i].DisposeAsync();
        }

        if (Directory.Exists(scratch))
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    private T Own<T>(T server)
        where T : IAsyncDisposable
    {
        owned.Add(server);
        return server;
    }

    private static async Task DeploySplitAsync(DotnetServer host, string model, string token, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, new Uri($"admin/v1/models/{model}/deployment", UriKind.Relative))
        {
            Content = new StringContent(SplitDeployment, Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new("Bearer", token);
        using var response = await host.Client.SendAsync(request, cancellationToken);
        if (response.StatusCode is not (HttpStatusCode.OK or HttpStatusCode.Created))
        {
            throw new InvalidOperationException($"the host refused the split ({(int)response.StatusCode}): {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }
    }

    // A copy of the model's folder whose config turns dynamic batching on (README "Model repository").
    private static async Task<string> BatchingRepositoryAsync(RepositoryLayout layout, string model, string directory, CancellationToken cancellationToken)
    {
        var source = Path.Combine(layout.ModelsDirectory, model);
        var target = Path.Combine(directory, model);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }

        var configPath = Path.Combine(target, "config.json");
        var config = JsonNode.Parse(await File.ReadAllTextAsync(configPath, cancellationToken))!.AsObject();
        config["dynamic_batching"] = JsonNode.Parse("""{"max_queue_delay_microseconds": 200, "preferred_batch_size": [16, 32]}""");
        await File.WriteAllTextAsync(configPath, config.ToJsonString(), cancellationToken);
        return directory;
    }
}

using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using InferenceHost.Benchmarks.Workloads;

namespace InferenceHost.Benchmarks.Hosting;

/// <summary>
/// Every server the run compares, each a child process: the host (its URL-versioned requests pinned
/// to one version, the others split three ways), the host with telemetry off, the host with dynamic
/// batching on for the compared model, a plain ASP.NET Core + ONNX Runtime server, and NGINX
/// splitting over that plain server and a second one, and NGINX replaying the host's answers, the measurement
/// ceiling (both null when <c>nginx</c> is not on PATH).
/// </summary>
internal sealed class BenchmarkServers : IAsyncDisposable
{
    /// <summary>The host's three-way split for the compared model, deployed before anything is measured.</summary>
    public const string SplitDeployment =
        """{"active":"blue","slots":{"blue":{"version":"1","weight":60},"green":{"version":"2","weight":20},"canary":{"version":"3","weight":20}}}""";

    private readonly ServerStack stack = ServerStack.InTemp("bench");

    public DotnetServer Host { get; private set; } = null!;

    public DotnetServer HostWithoutTelemetry { get; private set; } = null!;

    public DotnetServer HostWithBatching { get; private set; } = null!;

    public DotnetServer Plain { get; private set; } = null!;

    public NginxSplit? Nginx { get; private set; }

    public NginxCeiling? Ceiling { get; private set; }

    /// <summary>
    /// Starts the host and, where a model is compared with the other servers (<paramref name="compared"/> not
    /// null), every other server; without one only <see cref="Host"/> is set.
    /// </summary>
    /// <exception cref="InvalidOperationException">A server did not start, or the split was not accepted.</exception>
    public static async Task<BenchmarkServers> StartAsync(
        RepositoryLayout layout, ModelWorkload? compared, string? serverCpus, TextWriter progress, CancellationToken cancellationToken)
    {
        var servers = new BenchmarkServers();
        var stack = servers.stack;
        try
        {
            var launcher = new ServerLauncher(layout, serverCpus, stack.Scratch);
            var token = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
            var on = serverCpus is { } cpus ? $" on CPUs {cpus}" : string.Empty;
            progress.WriteLine(compared is null
                ? $"starting the host{on}"
                : $"starting the servers{on}: host, host without telemetry, host with batching, plain servers, nginx split, nginx ceiling");
            servers.Host = stack.Own(await launcher.StartHostAsync("host", layout.ModelsDirectory, token, [], cancellationToken));
            if (compared is null)
            {
                return servers;
            }

            var comparedModel = compared.Model;
            var answer = await RecordedAnswer.FetchAsync(servers.Host, compared, cancellationToken);

            await DeploySplitAsync(servers.Host, comparedModel, token, cancellationToken);
            servers.HostWithoutTelemetry = stack.Own(await launcher.StartHostAsync(
                "host-no-telemetry", layout.ModelsDirectory, token, ["--InferenceHost:Telemetry:Enabled=false"], cancellationToken));
            var batchingModels = await BatchingRepositoryAsync(layout, comparedModel, Path.Combine(stack.Scratch, "batching-models"), cancellationToken);
            servers.HostWithBatching = stack.Own(await launcher.StartHostAsync("host-batching", batchingModels, token, [], cancellationToken));
            servers.Plain = stack.Own(await launcher.StartPlainAsync("plain", comparedModel, cancellationToken));
            var second = stack.Own(await launcher.StartPlainAsync("plain-2", comparedModel, cancellationToken));
            servers.Nginx = await launcher.StartNginxAsync(servers.Plain, second, cancellationToken) is { } nginx ? stack.Own(nginx) : null;
            servers.Ceiling = await launcher.StartNginxCeilingAsync(answer, cancellationToken) is { } ceiling ? stack.Own(ceiling) : null;
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
    public TimeSpan CpuTime => stack.CpuTime;

    public ValueTask DisposeAsync() => stack.DisposeAsync();

    private static async Task DeploySplitAsync(DotnetServer host, string model, string token, CancellationToken cancellationToken)
    {
        using var response = await host.SendAdminAsync(
            HttpMethod.Put, $"admin/v1/models/{model}/deployment", token, new StringContent(SplitDeployment, Encoding.UTF8, "application/json"), cancellationToken);
        if (response.StatusCode is not (HttpStatusCode.OK or HttpStatusCode.Created))
        {
            throw new InvalidOperationException($"the host refused the split ({(int)response.StatusCode}): {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }
    }

    // A copy of the model's folder whose config turns dynamic batching on (README "Model repository").
    private static async Task<string> BatchingRepositoryAsync(RepositoryLayout layout, string model, string directory, CancellationToken cancellationToken)
    {
        var configPath = Path.Combine(layout.CopyModel(model, directory), "config.json");
        var config = JsonNode.Parse(await File.ReadAllTextAsync(configPath, cancellationToken))!.AsObject();
        config["dynamic_batching"] = JsonNode.Parse("""{"max_queue_delay_microseconds": 200, "preferred_batch_size": [16, 32]}""");
        await File.WriteAllTextAsync(configPath, config.ToJsonString(), cancellationToken);
        return directory;
    }
}

using System.Diagnostics;
using System.Text.Json;
using InferenceHost.Benchmarks.Workloads;

namespace InferenceHost.Benchmarks.Hosting;

/// <summary>
/// Host processes joined into one Orleans cluster through Redis (membership and grain state in Redis, as
/// deploy/local-cluster.sh runs them). As a probe it samples all its silos together: the cluster's CPU
/// time and allocated bytes, whichever silo a request went to.
/// </summary>
internal sealed class SiloCluster : IServerProbe, IChildServer
{
    private static readonly TimeSpan FormTimeout = TimeSpan.FromSeconds(90);

    private readonly List<DotnetServer> silos = [];

    private SiloCluster(string name) => Name = name;

    /// <summary>Its ClusterId and ServiceId, and the prefix of its silos' names.</summary>
    public string Name { get; }

    public IReadOnlyList<DotnetServer> Silos => silos;

    public TimeSpan CpuTime => silos.Aggregate(TimeSpan.Zero, (sum, silo) => sum + silo.CpuTime);

    /// <summary>
    /// Starts <paramref name="size"/> silos one after another (the first creates the membership table, as in the
    /// cluster tests), then waits until the first one sees version 1 of <paramref name="model"/> ready on every silo: ready
    /// endpoints alone would not show that the processes found each other.
    /// </summary>
    /// <exception cref="InvalidOperationException">A silo did not start, or the cluster did not form in time.</exception>
    public static async Task<SiloCluster> StartAsync(
        ServerLauncher launcher, string name, int size, RedisServer redis, string modelsDirectory, string model, string adminToken, CancellationToken cancellationToken)
    {
        var cluster = new SiloCluster(name);
        try
        {
            for (var i = 1; i <= size; i++)
            {
                cluster.silos.Add(await launcher.StartSiloAsync($"{name}-silo{i}", modelsDirectory, adminToken, redis, name, cancellationToken));
            }

            await cluster.WaitUntilFormedAsync(model, adminToken, cancellationToken);
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    public async Task<ServerSample> SampleAsync(CancellationToken cancellationToken)
    {
        var sum = default(ServerSample);
        foreach (var silo in silos)
        {
            sum += await silo.SampleAsync(cancellationToken);
        }

        return sum;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var silo in silos)
        {
            await silo.DisposeAsync();
        }
    }

    private async Task WaitUntilFormedAsync(string model, string adminToken, CancellationToken cancellationToken)
    {
        var path = $"admin/v1/models/{model}/versions/{ModelWorkload.Version}";
        var started = Stopwatch.GetTimestamp();
        var seen = "nothing yet";
        while (Stopwatch.GetElapsedTime(started) < FormTimeout)
        {
            using var response = await silos[0].SendAdminAsync(HttpMethod.Get, path, adminToken, null, cancellationToken);
            seen = await response.Content.ReadAsStringAsync(cancellationToken);
            if (response.IsSuccessStatusCode && ReadyOn(seen) == silos.Count)
            {
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
        }

        throw new InvalidOperationException($"{Name}: {silos.Count} silos did not form one cluster within {FormTimeout}; {silos[0].Name} last answered {path} with {seen}");
    }

    // {"model":…,"version":…,"ready":…,"silos":[{"silo":…,"state":"READY",…},…]}: one entry per active silo.
    private static int ReadyOn(string versionStatus)
    {
        using var document = JsonDocument.Parse(versionStatus);
        return document.RootElement.TryGetProperty("silos", out var entries)
            ? entries.EnumerateArray().Count(entry => entry.GetProperty("state").ValueEquals("READY"))
            : 0;
    }
}

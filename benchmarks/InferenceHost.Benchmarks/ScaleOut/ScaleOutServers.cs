using System.Security.Cryptography;
using InferenceHost.Benchmarks.Hosting;

namespace InferenceHost.Benchmarks.ScaleOut;

/// <summary>
/// One redis-server on loopback and a cluster of each size on it, every silo a child process over a model
/// repository holding only the measured model. All run for the whole measurement, so every window has the
/// same idle neighbours (membership probes, telemetry flushes, route-table polls) whichever cluster it drives.
/// </summary>
internal sealed class ScaleOutServers : IAsyncDisposable
{
    private readonly ServerStack stack = ServerStack.InTemp("scale-out");
    private readonly List<SiloCluster> clusters = [];

    /// <summary>One cluster per size, in the order of the sizes.</summary>
    public IReadOnlyList<SiloCluster> Clusters => clusters;

    /// <summary>Redis and every silo, for the run's own CPU time.</summary>
    public TimeSpan CpuTime => stack.CpuTime;

    /// <exception cref="InvalidOperationException">redis-server is missing, a silo did not start, or a cluster did not form.</exception>
    public static async Task<ScaleOutServers> StartAsync(
        RepositoryLayout layout, string model, IReadOnlyList<int> sizes, string? serverCpus, TextWriter progress, CancellationToken cancellationToken)
    {
        var servers = new ScaleOutServers();
        var stack = servers.stack;
        try
        {
            var launcher = new ServerLauncher(layout, serverCpus, stack.Scratch);
            var redis = stack.Own(await launcher.StartRedisAsync(cancellationToken));
            progress.WriteLine($"redis-server on {redis.ConnectionString}");

            // Only the measured model: six silos start faster and smaller without ResNet18 and the test models.
            var repository = Path.Combine(stack.Scratch, "models");
            layout.CopyModel(model, repository);
            var token = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
            foreach (var size in sizes)
            {
                progress.WriteLine($"starting a cluster of {size} silo{(size == 1 ? string.Empty : "s")}{(serverCpus is { } cpus ? $" on CPUs {cpus}" : string.Empty)}");
                servers.clusters.Add(stack.Own(await SiloCluster.StartAsync(launcher, $"cluster{size}", size, redis, repository, model, token, cancellationToken)));
            }

            return servers;
        }
        catch
        {
            await servers.DisposeAsync();
            throw;
        }
    }

    public ValueTask DisposeAsync() => stack.DisposeAsync();
}

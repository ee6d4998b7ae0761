using Xunit;

namespace InferenceHost.Silo.Tests.Cluster;

/// <summary>Redis and three silo processes forming one cluster, with deployments, rollouts and reminders in Redis.</summary>
public class ThreeSiloProcessClusterFixture : IAsyncLifetime
{
    private readonly RedisServerFixture _redis = new();

    public IReadOnlyList<SiloProcess> Silos { get; private set; } = [];

    public async Task InitializeAsync()
    {
        await _redis.InitializeAsync();
        var serviceId = $"cluster-{Guid.NewGuid():N}";
        Silos = [.. Enumerable.Range(0, 3).Select(i => new SiloProcess(_redis.ConnectionString, serviceId, $"silo-{i}", ExtraArguments()))];
        await StartAllAsync();
    }

    /// <summary>Stops every silo gracefully, one after another, then starts them all again: same Redis, same ServiceId, same ports.</summary>
    public async Task RestartAllAsync()
    {
        foreach (var silo in Silos)
        {
            await silo.StopAsync();
        }

        await StartAllAsync();
    }

    public async Task DisposeAsync()
    {
        foreach (var silo in Silos)
        {
            await silo.DisposeAsync();
        }

        await _redis.DisposeAsync();
    }

    /// <summary>More <c>--key=value</c> settings for every silo, for fixtures that change the defaults.</summary>
    protected virtual IEnumerable<string> ExtraArguments() => [];

    private async Task StartAllAsync()
    {
        // One after another: the first creates the cluster's membership table, the others join it.
        foreach (var silo in Silos)
        {
            await silo.StartAsync();
        }
    }
}

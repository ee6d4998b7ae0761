using Xunit;

namespace InferenceHost.Silo.Tests.Cluster;

/// <summary>Redis and three silo processes forming one cluster, with deployments, rollouts and reminders in Redis.</summary>
public sealed class ThreeSiloProcessClusterFixture : IAsyncLifetime
{
    private readonly RedisServerFixture _redis = new();

    public IReadOnlyList<SiloProcess> Silos { get; private set; } = [];

    public async Task InitializeAsync()
    {
        await _redis.InitializeAsync();
        var serviceId = $"loss-{Guid.NewGuid():N}";
        Silos = [.. Enumerable.Range(0, 3).Select(i => new SiloProcess(_redis.ConnectionString, serviceId, $"silo-{i}"))];

        // One after another: the first creates the cluster's membership table, the others join it.
        foreach (var silo in Silos)
        {
            await silo.StartAsync();
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var silo in Silos)
        {
            await silo.DisposeAsync();
        }

        await _redis.DisposeAsync();
    }
}

using Xunit;

namespace InferenceHost.Silo.Tests;

/// <summary>
/// A real redis-server and silos joined through it, started one after the other. The ClusterId and
/// ServiceId are this fixture's own, so no other test's silos join or see its state.
/// </summary>
public abstract class RedisClusterFixture(int siloCount) : IAsyncLifetime
{
    private readonly RedisServerFixture _redis = new();
    private readonly List<RedisSiloFixture> _silos = [];

    public IReadOnlyList<RedisSiloFixture> Silos => _silos;

    /// <summary>The ClusterId and ServiceId of every silo here (persisted state is keyed by the ServiceId).</summary>
    public string ServiceId { get; } = $"test-{Guid.NewGuid():N}";

    public string RedisConnectionString => _redis.ConnectionString;

    public async Task InitializeAsync()
    {
        await _redis.InitializeAsync();
        for (var i = 0; i < siloCount; i++)
        {
            _silos.Add(new RedisSiloFixture(_redis.ConnectionString, clusterId: ServiceId, serviceId: ServiceId));
            await _silos[^1].InitializeAsync();
        }
    }

    public async Task DisposeAsync()
    {
        // redis-server is a process of its own: it must stop even when a silo that failed to start fails to stop.
        try
        {
            for (var i = _silos.Count - 1; i >= 0; i--)
            {
                await _silos[i].DisposeAsync();
            }
        }
        finally
        {
            await _redis.DisposeAsync();
        }
    }
}

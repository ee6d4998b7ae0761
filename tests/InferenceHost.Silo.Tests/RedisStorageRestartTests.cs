using StackExchange.Redis;
using Xunit;

namespace InferenceHost.Silo.Tests;

/// <summary>Clustered: membership and grain state in Redis, the silo restarted with the same ServiceId and Redis.</summary>
public sealed class RedisStorageRestartTests(SingleSiloRedisClusterFixture cluster)
    : DeploymentRestartTests(cluster.Silos[0]), IClassFixture<SingleSiloRedisClusterFixture>
{
    /// <summary>What the restarts read back comes from Redis: the silo's state folder holds no grain state.</summary>
    [Fact]
    public async Task PutDeployment_RedisStorage_StateInRedisUnderTheServiceId()
    {
        var silo = cluster.Silos[0];
        await silo.Http.PutDeploymentAsync(Model, BlueCanaryWithShadow);

        await using var redis = await ConnectionMultiplexer.ConnectAsync(cluster.RedisConnectionString);
        var keys = redis.GetServer(redis.GetEndPoints().Single()).Keys(pattern: $"*{cluster.ServiceId}*").Select(k => k.ToString()).ToList();
        Assert.True(keys.Exists(k => k.Contains("iris-mlp", StringComparison.Ordinal)), $"no key names iris-mlp: {string.Join(", ", keys)}");
        Assert.Empty(Directory.Exists(silo.StatePath) ? Directory.EnumerateFiles(silo.StatePath, "*.json", SearchOption.AllDirectories) : []);
    }
}

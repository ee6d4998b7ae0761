namespace InferenceHost.Silo.Tests;

/// <summary>A clustered deployment of one silo, for restarting it over the state Redis keeps.</summary>
public sealed class SingleSiloRedisClusterFixture() : RedisClusterFixture(siloCount: 1);

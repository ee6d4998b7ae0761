namespace InferenceHost.Silo.Tests;

/// <summary>A clustered deployment of two silos in this process, each with its own HTTP and gRPC ports.</summary>
public sealed class TwoSiloRedisClusterFixture() : RedisClusterFixture(siloCount: 2);

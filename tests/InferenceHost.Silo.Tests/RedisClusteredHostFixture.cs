using InferenceHost.Tests.Common;

namespace InferenceHost.Silo.Tests;

/// <summary>The host with Redis membership instead of the embedded default.</summary>
public sealed class RedisClusteredHostFixture : InferenceHostFixture
{
    public RedisServerFixture Redis { get; } = new();

    public override async Task InitializeAsync()
    {
        await Redis.InitializeAsync();
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        // redis-server is a process of its own: it must stop even when a host that failed to start fails to stop.
        try
        {
            await base.DisposeAsync();
        }
        finally
        {
            await Redis.DisposeAsync();
        }
    }

    protected override IEnumerable<string> ExtraArguments() =>
    [
        "--InferenceHost:Cluster:Mode=Redis",
        $"--InferenceHost:Cluster:RedisConnectionString={Redis.ConnectionString}",
        $"--InferenceHost:Cluster:ClusterId=test-{Guid.NewGuid():N}",
        "--InferenceHost:Cluster:AdvertisedAddress=127.0.0.1",
    ];
}

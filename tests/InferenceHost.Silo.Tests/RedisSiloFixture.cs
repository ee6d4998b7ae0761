using InferenceHost.Tests.Common;

namespace InferenceHost.Silo.Tests;

/// <summary>
/// One silo of a clustered deployment: membership and grain state in Redis, a configured admin
/// token. Silos given the same Redis, ClusterId and ServiceId form one cluster and share state.
/// </summary>
public sealed class RedisSiloFixture(string redisConnectionString, string clusterId, string serviceId, IEnumerable<string>? extraArguments = null) : InferenceHostFixture
{
    protected override IEnumerable<string> ExtraArguments() =>
    [
        "--InferenceHost:Cluster:Mode=Redis",
        $"--InferenceHost:Cluster:RedisConnectionString={redisConnectionString}",
        $"--InferenceHost:Cluster:ClusterId={clusterId}",
        $"--InferenceHost:Cluster:ServiceId={serviceId}",
        "--InferenceHost:Cluster:AdvertisedAddress=127.0.0.1",
        "--InferenceHost:Storage:Mode=Redis",
        .. AdminSettings.Arguments,
        .. extraArguments ?? [],
    ];
}

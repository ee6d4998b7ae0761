using YamlDotNet.RepresentationModel;
using Xunit;

namespace InferenceHost.Silo.Tests.Deploy;

/// <summary>deploy/docker-compose.cluster.yml, parsed: Redis and three GPU silos with the local cluster's settings.</summary>
public sealed class ComposeClusterTests
{
    private static readonly YamlMappingNode Compose = YamlFile.Documents(ConfigurationKeys.DeployPath("docker-compose.cluster.yml")).Single();

    private static IEnumerable<KeyValuePair<YamlNode, YamlNode>> Silos =>
        ((YamlMappingNode)Compose.At("services")).Children.Where(service => ((YamlScalarNode)service.Key).Value!.StartsWith("silo", StringComparison.Ordinal));

    [Fact]
    public void Services_AreRedisAndThreeSilosFromDockerfileGpu_EachWithAGpu()
    {
        Assert.Equal(3, Silos.Count());
        Assert.StartsWith("redis", Compose.Text("services", "redis", "image"), StringComparison.Ordinal);
        Assert.Equal("Dockerfile.gpu", Silos.Single(s => s.Value.Find("build") is not null).Value.Text("build", "dockerfile"));
        var image = Silos.Select(s => s.Value.Text("image")).Distinct(StringComparer.Ordinal);
        Assert.Single(image);
        Assert.All(Silos, silo =>
        {
            var device = silo.Value.Items("deploy", "resources", "reservations", "devices").Single();
            Assert.Equal("nvidia", device.Text("driver"));
            Assert.Equal("1", device.Text("count"));
        });
    }

    [Fact]
    public void Silos_Environment_NamesOnlyKeysTheHostBinds()
    {
        Assert.All(Silos, silo =>
        {
            var settings = Environment(silo.Value).Keys.ToList();
            Assert.NotEmpty(settings);
            Assert.All(settings, name => Assert.Contains(ConfigurationKeys.FromEnvironmentVariable(name), ConfigurationKeys.All));
        });
    }

    [Fact]
    public async Task Silos_ClusterSettings_AreTheLocalClusters()
    {
        var script = await LocalClusterConfig.ForSiloAsync(0);
        string[] shared =
        [
            "InferenceHost__Cluster__Mode", "InferenceHost__Cluster__ClusterId", "InferenceHost__Cluster__ServiceId",
            "InferenceHost__Storage__Mode", "InferenceHost__Endpoints__DrainPeriod",
        ];

        Assert.All(Silos, silo =>
        {
            var environment = Environment(silo.Value);
            Assert.All(shared, key => Assert.Equal(script[key], environment[key]));
            Assert.Equal("redis:6379", environment["InferenceHost__Cluster__RedisConnectionString"]);
        });
    }

    private static Dictionary<string, string> Environment(YamlNode silo) =>
        ((YamlMappingNode)silo.At("environment")).Children.ToDictionary(e => ((YamlScalarNode)e.Key).Value!, e => ((YamlScalarNode)e.Value).Value!, StringComparer.Ordinal);
}

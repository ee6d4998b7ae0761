using System.Net;
using InferenceHost.Tests.Common;
using Xunit;

namespace InferenceHost.Silo.Tests.Deploy;

/// <summary>deploy/local-cluster.sh's settings: real keys, distinct ports, and a silo that starts with them.</summary>
public sealed class LocalClusterScriptTests(RedisServerFixture redis) : IClassFixture<RedisServerFixture>
{
    /// <summary>Settings that differ between this machine and the script's: ports, addresses and paths.</summary>
    private static readonly HashSet<string> MachineSpecific = new(StringComparer.Ordinal)
    {
        "InferenceHost__Endpoints__ListenAddress", "InferenceHost__Endpoints__HttpPort", "InferenceHost__Endpoints__GrpcPort",
        "InferenceHost__Cluster__SiloPort", "InferenceHost__Cluster__GatewayPort", "InferenceHost__Cluster__RedisConnectionString",
        "InferenceHost__Cluster__ClusterId", "InferenceHost__Cluster__ServiceId", "InferenceHost__Inference__RepositoryPath",
        "InferenceHost__Admin__TokenFile",
    };

    [Fact]
    public async Task PrintConfig_EverySilo_NamesOnlyKeysTheHostBinds()
    {
        for (var silo = 0; silo < LocalClusterConfig.SiloCount; silo++)
        {
            var settings = await LocalClusterConfig.ForSiloAsync(silo);

            Assert.NotEmpty(settings);
            Assert.All(settings.Keys, name => Assert.Contains(ConfigurationKeys.FromEnvironmentVariable(name), ConfigurationKeys.All));
        }
    }

    [Fact]
    public async Task PrintConfig_Silos_JoinOneRedisClusterOnDistinctPorts()
    {
        string[] portKeys = ["InferenceHost__Endpoints__HttpPort", "InferenceHost__Endpoints__GrpcPort", "InferenceHost__Cluster__SiloPort", "InferenceHost__Cluster__GatewayPort"];
        var silos = new List<IReadOnlyDictionary<string, string>>();
        for (var silo = 0; silo < LocalClusterConfig.SiloCount; silo++)
        {
            silos.Add(await LocalClusterConfig.ForSiloAsync(silo));
        }

        Assert.Equal(["8000", "8010", "8020"], silos.Select(s => s["InferenceHost__Endpoints__HttpPort"]));
        Assert.Equal(["8001", "8011", "8021"], silos.Select(s => s["InferenceHost__Endpoints__GrpcPort"]));
        var ports = silos.SelectMany(s => portKeys.Select(key => s[key])).ToList();
        Assert.Equal(ports.Count, ports.Distinct(StringComparer.Ordinal).Count());
        Assert.All(silos, s =>
        {
            Assert.Equal("Redis", s["InferenceHost__Cluster__Mode"]);
            Assert.Equal("Redis", s["InferenceHost__Storage__Mode"]);
            Assert.Equal("127.0.0.1", s["InferenceHost__Cluster__AdvertisedAddress"]);
            Assert.Equal(silos[0]["InferenceHost__Cluster__ClusterId"], s["InferenceHost__Cluster__ClusterId"]);
            Assert.Equal(silos[0]["InferenceHost__Cluster__RedisConnectionString"], s["InferenceHost__Cluster__RedisConnectionString"]);
            Assert.Equal(silos[0]["InferenceHost__Admin__TokenFile"], s["InferenceHost__Admin__TokenFile"]);
        });
    }

    [Fact]
    public async Task PrintConfig_Settings_StartASiloThatServes()
    {
        var script = await LocalClusterConfig.ForSiloAsync(0);
        var ports = FreePorts.Take(4);
        var state = Path.Combine(Path.GetTempPath(), $"inferencehost-local-cluster-{Guid.NewGuid():N}");
        var clusterId = $"test-{Guid.NewGuid():N}";
        string[] here =
        [
            "--InferenceHost:Endpoints:ListenAddress=127.0.0.1",
            $"--InferenceHost:Endpoints:HttpPort={ports[0]}",
            $"--InferenceHost:Endpoints:GrpcPort={ports[1]}",
            $"--InferenceHost:Cluster:SiloPort={ports[2]}",
            $"--InferenceHost:Cluster:GatewayPort={ports[3]}",
            $"--InferenceHost:Cluster:RedisConnectionString={redis.ConnectionString}",
            $"--InferenceHost:Cluster:ClusterId={clusterId}",
            $"--InferenceHost:Cluster:ServiceId={clusterId}",
            $"--InferenceHost:Inference:RepositoryPath={RepositoryPaths.Models}",
            $"--InferenceHost:Admin:TokenFile={Path.Combine(state, "admin-token")}",
            "--Logging:LogLevel:Default=Warning",
        ];
        var fromScript = script.Where(setting => !MachineSpecific.Contains(setting.Key))
            .Select(setting => $"--{ConfigurationKeys.FromEnvironmentVariable(setting.Key)}={setting.Value}");

        await using var app = InferenceHostApplication.Create([.. fromScript, .. here]);
        try
        {
            await app.StartAsync();
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{ports[0]}") };
            await Eventually.TrueAsync(
                async () => (await http.GetAsync(new Uri("/v2/health/ready", UriKind.Relative))).StatusCode == HttpStatusCode.OK,
                TimeSpan.FromSeconds(90),
                "a silo with the local cluster's settings to be ready");
            Assert.True((await http.InferAsync("iris-mlp")).Succeeded);
        }
        finally
        {
            await app.StopAsync();
            if (Directory.Exists(state))
            {
                Directory.Delete(state, recursive: true);
            }
        }
    }
}

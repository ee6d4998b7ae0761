using YamlDotNet.RepresentationModel;
using Xunit;

namespace InferenceHost.Silo.Tests.Deploy;

/// <summary>deploy/kubernetes, parsed: what it asks of a cluster, and that it configures only what the host reads.</summary>
public sealed class KubernetesManifestTests
{
    private static readonly IReadOnlyList<YamlMappingNode> Manifests =
    [
        .. Directory.GetFiles(ConfigurationKeys.DeployPath("kubernetes"), "*.yaml").Order(StringComparer.Ordinal).SelectMany(YamlFile.Documents),
    ];

    private static YamlMappingNode Silos => Resource("Deployment", "inferencehost");

    private static YamlNode SiloContainer => Silos.Items("spec", "template", "spec", "containers").Single(c => c.Text("name") == "silo");

    private static Dictionary<string, string?> SiloEnvironment =>
        SiloContainer.Items("env").ToDictionary(e => e.Text("name"), e => e.Find("value") is YamlScalarNode value ? value.Value : null);

    [Fact]
    public void Manifests_EveryResource_HasAnApiVersionKindAndName()
    {
        Assert.All(Manifests, resource =>
        {
            Assert.NotEmpty(resource.Text("apiVersion"));
            Assert.NotEmpty(resource.Text("metadata", "name"));
        });
        Assert.Equal(
            ["Deployment/inferencehost", "Deployment/inferencehost-redis", "PersistentVolumeClaim/inferencehost-models", "PersistentVolumeClaim/inferencehost-redis-data",
             "Role/inferencehost-orleans-hosting", "RoleBinding/inferencehost-orleans-hosting", "Service/inferencehost", "Service/inferencehost-redis", "ServiceAccount/inferencehost"],
            Manifests.Select(r => $"{r.Text("kind")}/{r.Text("metadata", "name")}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void SiloDeployment_EachPod_RequestsOneGpu()
    {
        Assert.Equal("1", SiloContainer.Text("resources", "requests", "nvidia.com/gpu"));
        Assert.Equal("1", SiloContainer.Text("resources", "limits", "nvidia.com/gpu"));
    }

    [Fact]
    public void SiloDeployment_Probes_AreTheHealthEndpointsOnTheHttpPort()
    {
        var httpPort = SiloContainer.Items("ports").Single(p => p.Text("name") == "http").Text("containerPort");

        Assert.Equal("/v2/health/ready", SiloContainer.Text("readinessProbe", "httpGet", "path"));
        Assert.Equal("http", SiloContainer.Text("readinessProbe", "httpGet", "port"));
        Assert.Equal("/v2/health/live", SiloContainer.Text("livenessProbe", "httpGet", "path"));
        Assert.Equal("http", SiloContainer.Text("livenessProbe", "httpGet", "port"));
        Assert.Equal(httpPort, SiloEnvironment["InferenceHost__Endpoints__HttpPort"]);
        Assert.Equal(
            SiloContainer.Items("ports").Single(p => p.Text("name") == "grpc").Text("containerPort"),
            SiloEnvironment["InferenceHost__Endpoints__GrpcPort"]);
    }

    [Fact]
    public void SiloDeployment_Environment_NamesOnlyKeysTheHostBinds()
    {
        var settings = SiloEnvironment.Keys.Where(name => name.StartsWith("InferenceHost__", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(settings);
        Assert.All(settings, name => Assert.Contains(ConfigurationKeys.FromEnvironmentVariable(name), ConfigurationKeys.All));
        Assert.Equal("Redis", SiloEnvironment["InferenceHost__Cluster__Mode"]);
        Assert.Equal("true", SiloEnvironment["InferenceHost__Cluster__Kubernetes"]);
        Assert.Equal("Redis", SiloEnvironment["InferenceHost__Storage__Mode"]);
    }

    [Fact]
    public void SiloDeployment_KubernetesHosting_FindsItsPodsAndCluster()
    {
        var labels = Silos.At("spec", "template", "metadata", "labels");

        Assert.Equal(SiloEnvironment["InferenceHost__Cluster__ClusterId"], labels.Text("orleans/clusterId"));
        Assert.Equal(SiloEnvironment["InferenceHost__Cluster__ServiceId"], labels.Text("orleans/serviceId"));
        Assert.Equal(
            ["metadata.name", "metadata.namespace", "status.podIP"],
            SiloContainer.Items("env").Where(e => e.Text("name") is "POD_NAME" or "POD_NAMESPACE" or "POD_IP").Select(e => e.Text("valueFrom", "fieldRef", "fieldPath")));
    }

    [Fact]
    public void SiloDeployment_RedisConnectionString_NamesTheRedisService()
    {
        var redis = Resource("Service", "inferencehost-redis");
        var port = redis.Items("spec", "ports").Single().Text("port");

        Assert.Equal($"{redis.Text("metadata", "name")}:{port}", SiloEnvironment["InferenceHost__Cluster__RedisConnectionString"]);
        Assert.Equal(
            Resource("Deployment", "inferencehost-redis").Text("spec", "template", "metadata", "labels", "app.kubernetes.io/name"),
            redis.Text("spec", "selector", "app.kubernetes.io/name"));
    }

    [Fact]
    public void SiloService_ServesHttpAndGrpc_FromTheSilos()
    {
        var service = Resource("Service", "inferencehost");

        Assert.Equal(
            [("8000", "http"), ("8001", "grpc")],
            service.Items("spec", "ports").Select(p => (p.Text("port"), p.Text("targetPort"))));
        Assert.Equal(
            Silos.Text("spec", "template", "metadata", "labels", "app.kubernetes.io/name"),
            service.Text("spec", "selector", "app.kubernetes.io/name"));
    }

    [Fact]
    public void Rbac_SilosServiceAccount_MayManagePodsAsKubernetesHostingNeeds()
    {
        var account = Silos.Text("spec", "template", "spec", "serviceAccountName");
        var binding = Resource("RoleBinding", "inferencehost-orleans-hosting");
        var rule = Resource("Role", binding.Text("roleRef", "name")).Items("rules").Single();

        Assert.Equal(account, binding.Items("subjects").Single().Text("name"));
        Assert.Equal(["pods"], rule.Items("resources").Select(r => ((YamlScalarNode)r).Value));
        Assert.Subset(
            rule.Items("verbs").Select(v => ((YamlScalarNode)v).Value!).ToHashSet(StringComparer.Ordinal),
            new HashSet<string>(["get", "list", "watch", "patch", "delete"], StringComparer.Ordinal));
    }

    [Fact]
    public void SiloDeployment_GracePeriod_OutlastsTheDrain()
    {
        var grace = TimeSpan.FromSeconds(int.Parse(Silos.Text("spec", "template", "spec", "terminationGracePeriodSeconds"), System.Globalization.CultureInfo.InvariantCulture));

        Assert.True(grace > TimeSpan.Parse(SiloEnvironment["InferenceHost__Endpoints__DrainPeriod"]!, System.Globalization.CultureInfo.InvariantCulture) + TimeSpan.FromSeconds(30));
    }

    private static YamlMappingNode Resource(string kind, string name) =>
        Manifests.Single(r => r.Text("kind") == kind && r.Text("metadata", "name") == name);
}

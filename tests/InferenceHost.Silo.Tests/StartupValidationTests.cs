using InferenceHost.Tests.Common;
using Microsoft.Extensions.Options;
using Xunit;

namespace InferenceHost.Silo.Tests;

public sealed class StartupValidationTests
{
    [Fact]
    public void Create_SamePortForHttpAndGrpc_ListsTheError()
    {
        var error = Assert.Throws<OptionsValidationException>(() => InferenceHostApplication.Create(
            ["--InferenceHost:Endpoints:HttpPort=9000", "--InferenceHost:Endpoints:GrpcPort=9000", "--InferenceHost:Endpoints:ListenAddress=nowhere"]));

        Assert.Contains("InferenceHost:Endpoints: HttpPort and GrpcPort must differ (both are 9000)", error.Failures);
        Assert.Contains("InferenceHost:Endpoints: ListenAddress 'nowhere' is neither an IP address nor 'localhost'", error.Failures);
    }

    [Fact]
    public void Create_RedisModeWithoutConnectionString_SaysWhatIsMissing()
    {
        var error = Assert.Throws<OptionsValidationException>(() => InferenceHostApplication.Create(["--InferenceHost:Cluster:Mode=Redis"]));

        Assert.Equal(["InferenceHost:Cluster: RedisConnectionString is required when Mode is Redis"], error.Failures);
    }

    [Fact]
    public void Create_UnknownClusteringMode_IsRejected()
    {
        var error = Assert.Throws<OptionsValidationException>(() => InferenceHostApplication.Create(["--InferenceHost:Cluster:Mode=Zookeeper"]));

        Assert.Contains("Zookeeper", Assert.Single(error.Failures));
    }

    [Fact]
    public void Create_RedisUnreachable_FailsFastNamingTheAddress()
    {
        var port = FreePorts.Take(1)[0];

        var error = Assert.Throws<InvalidOperationException>(() => InferenceHostApplication.Create(
            ["--InferenceHost:Cluster:Mode=Redis", $"--InferenceHost:Cluster:RedisConnectionString=127.0.0.1:{port}"]));

        Assert.StartsWith($"Redis clustering: cannot reach Redis at '127.0.0.1:{port}'", error.Message);
    }

    [Fact]
    public async Task Start_MissingModelRepository_FailsWithThePath()
    {
        var ports = FreePorts.Take(4);
        await using var app = InferenceHostApplication.Create(
        [
            "--InferenceHost:Endpoints:ListenAddress=127.0.0.1",
            $"--InferenceHost:Endpoints:HttpPort={ports[0]}",
            $"--InferenceHost:Endpoints:GrpcPort={ports[1]}",
            $"--InferenceHost:Cluster:SiloPort={ports[2]}",
            $"--InferenceHost:Cluster:GatewayPort={ports[3]}",
            "--InferenceHost:Inference:RepositoryPath=/no/such/models",
        ]);

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains("InferenceHost:Inference:RepositoryPath must name an existing folder", error.Message);
    }
}

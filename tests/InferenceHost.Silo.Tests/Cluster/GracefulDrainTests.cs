using System.Diagnostics;
using System.Net;
using InferenceHost.Api.Grpc.Protocol;
using InferenceHost.Tests.Common;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Xunit;

namespace InferenceHost.Silo.Tests.Cluster;

public sealed class GracefulDrainTests(DrainingHostFixture host) : IClassFixture<DrainingHostFixture>
{
    [Fact]
    public async Task Stop_DuringDrainPeriod_ReadinessIsFalseWhileInferenceStillSucceeds()
    {
        var grpc = new GRPCInferenceService.GRPCInferenceServiceClient(host.GrpcChannel);
        var clock = Stopwatch.StartNew();

        var stopping = host.Services.GetRequiredService<IHost>().StopAsync();

        await Eventually.TrueAsync(
            async () => (await host.Http.GetAsync(new Uri("/v2/health/ready", UriKind.Relative))).StatusCode == HttpStatusCode.ServiceUnavailable,
            TimeSpan.FromSeconds(5),
            "readiness to turn 503 once the host begins to stop");
        Assert.False((await grpc.ServerReadyAsync(new ServerReadyRequest())).Ready);
        Assert.Equal(HttpStatusCode.OK, (await host.Http.GetAsync(new Uri("/v2/health/live", UriKind.Relative))).StatusCode);
        var served = await host.Http.InferAsync("iris-mlp");
        Assert.True(served.Succeeded, $"inference during the drain: {served}");

        await stopping;
        Assert.True(clock.Elapsed >= DrainingHostFixture.DrainPeriod, $"stopped after {clock.Elapsed}, before the drain period");
    }
}

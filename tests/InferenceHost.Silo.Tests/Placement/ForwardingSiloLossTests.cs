using System.Net;
using System.Text;
using InferenceHost.Tests.Common;
using Xunit;

namespace InferenceHost.Silo.Tests.Placement;

/// <summary>When the only silo that serves a version leaves, the silo that forwarded to it answers a clear 503 for that version and keeps serving the rest.</summary>
public sealed class ForwardingSiloLossTests(GpuOnlyVersionClusterFixture cluster) : IClassFixture<GpuOnlyVersionClusterFixture>
{
    private const string Model = GpuOnlyVersionClusterFixture.Model;
    private const string Version = GpuOnlyVersionClusterFixture.GpuOnlyVersion;
    private const string OneFlower = """{"inputs":[{"name":"input","shape":[1,4],"datatype":"FP32","data":[5.1,3.5,1.4,0.2]}]}""";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Infer_AfterTheServingSiloStops_AnswersUnavailableForThatVersionAndServesTheOthers()
    {
        await Eventually.TrueAsync(async () => (await InferAsync(Version)).StatusCode == HttpStatusCode.OK, Deadline, "forwarding to work");

        await cluster.ServingNode.DisposeAsync();

        await Eventually.TrueAsync(async () => (await InferAsync(Version)).StatusCode == HttpStatusCode.ServiceUnavailable, Deadline, "the lost version to answer 503");
        using var lost = await InferAsync(Version);
        var error = await lost.Content.ReadAsStringAsync();
        Assert.Contains($"version '{Version}'", error, StringComparison.Ordinal);
        using var local = await InferAsync("1");
        Assert.Equal(HttpStatusCode.OK, local.StatusCode);
    }

    private Task<HttpResponseMessage> InferAsync(string version) =>
        cluster.CpuNode.Http.PostAsync(
            new Uri($"/v2/models/{Model}/versions/{version}/infer", UriKind.Relative),
            new StringContent(OneFlower, Encoding.UTF8, "application/json"));
}

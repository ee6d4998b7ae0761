using System.Net;
using System.Text;
using System.Text.Json;
using InferenceHost.Api.Grpc.Protocol;
using InferenceHost.ModelBuilder;
using InferenceHost.Tests.Common;
using Xunit;

namespace InferenceHost.Silo.Tests.Placement;

/// <summary>
/// GPU-aware placement on a real two-silo cluster (issue 6): a silo that cannot serve a version (here a GPU-only
/// version on a silo without CUDA) forwards its requests to a silo that can, over HTTP and gRPC alike, and the
/// metadata and the admin API show where each version runs and on what device.
/// </summary>
public sealed class ForwardingTests(GpuOnlyVersionClusterFixture cluster) : IClassFixture<GpuOnlyVersionClusterFixture>
{
    private const string Model = GpuOnlyVersionClusterFixture.Model;
    private const string Version = GpuOnlyVersionClusterFixture.GpuOnlyVersion;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
    private static readonly float[] Flowers = [5.1f, 3.5f, 1.4f, 0.2f, 6.3f, 3.3f, 6.0f, 2.5f];
    private const string TwoFlowersJson = """{"id":"h1","inputs":[{"name":"input","shape":[2,4],"datatype":"FP32","data":[5.1,3.5,1.4,0.2,6.3,3.3,6.0,2.5]}]}""";

    [Fact]
    public async Task Infer_GpuOnlyVersionOnCpuSilo_IsForwardedToTheSiloThatServesIt()
    {
        await WaitUntilForwardingAsync();
        var expected = IrisMlpReference.PredictBatch(int.Parse(Version, System.Globalization.CultureInfo.InvariantCulture), Flowers).Select(static p => p.Label).ToArray();

        using var http = await cluster.CpuNode.Http.PostAsync(
            new Uri($"/v2/models/{Model}/versions/{Version}/infer", UriKind.Relative),
            new StringContent(TwoFlowersJson, Encoding.UTF8, "application/json"));
        var grpcRequest = new ModelInferRequest { ModelName = Model, ModelVersion = Version, Id = "g1" };
        grpcRequest.Inputs.Add(new ModelInferRequest.Types.InferInputTensor
        {
            Name = "input", Datatype = "FP32", Shape = { 2, 4 }, Contents = new InferTensorContents { Fp32Contents = { Flowers } },
        });
        var grpc = await new GRPCInferenceService.GRPCInferenceServiceClient(cluster.CpuNode.GrpcChannel).ModelInferAsync(grpcRequest);

        var body = await http.Content.ReadAsStringAsync();
        Assert.True(http.StatusCode == HttpStatusCode.OK, body);
        using var json = JsonDocument.Parse(body);
        Assert.Equal(Version, json.RootElement.GetProperty("model_version").GetString());
        var label = json.RootElement.GetProperty("outputs").EnumerateArray().Single(static o => o.GetProperty("name").GetString() == "label");
        Assert.Equal(expected, label.GetProperty("data").EnumerateArray().Select(static e => e.GetInt64()));
        Assert.Equal((Version, "g1"), (grpc.ModelVersion, grpc.Id));
        Assert.Equal(expected, grpc.Outputs.Single(static o => o.Name == "label").Contents.Int64Contents);
    }

    [Fact]
    public async Task Infer_ForwardedVersionWithWrongDatatype_Answers400WithTheReasonAndStillServes()
    {
        await WaitUntilForwardingAsync();

        using var bad = await cluster.CpuNode.Http.PostAsync(
            new Uri($"/v2/models/{Model}/versions/{Version}/infer", UriKind.Relative),
            new StringContent("""{"inputs":[{"name":"input","shape":[1,4],"datatype":"FP64","data":[1,2,3,4]}]}""", Encoding.UTF8, "application/json"));
        using var good = await cluster.CpuNode.Http.PostAsync(
            new Uri($"/v2/models/{Model}/versions/{Version}/infer", UriKind.Relative), new StringContent(TwoFlowersJson, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        using var error = JsonDocument.Parse(await bad.Content.ReadAsStringAsync());
        Assert.Equal("input 'input' has datatype FP64, but the model expects FP32", error.RootElement.GetProperty("error").GetString());
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
    }

    [Fact]
    public async Task Deploy_CanaryOnGpuOnlyVersion_IsAcceptedAndTheCpuSiloServesItsShareByForwarding()
    {
        await WaitUntilForwardingAsync();
        await cluster.CpuNode.Http.PutDeploymentAsync(
            Model, $$"""{"active": "blue", "slots": {"blue": {"version": "1", "weight": 50}, "canary": {"version": "{{Version}}", "weight": 50} } }""");
        try
        {
            await Eventually.TrueAsync(
                async () => (await cluster.CpuNode.Http.InferAsync(Model, slot: "canary")).Version == Version,
                Deadline,
                "the CPU silo to route canary requests to the forwarded version");
            var answers = new List<ServedResponse>();
            for (var i = 0; i < 40; i++)
            {
                answers.Add(await cluster.CpuNode.Http.InferAsync(Model));
            }

            Assert.All(answers, static a => Assert.True(a.Succeeded, a.ToString()));
            Assert.Contains(answers, static a => a.Version == Version);
            Assert.Contains(answers, static a => a.Version == "1");
        }
        finally
        {
            await cluster.CpuNode.Http.PutDeploymentAsync(Model, """{"active": "blue", "slots": {"blue": {"version": "1", "weight": 100}}}""");
        }
    }

    [Fact]
    public async Task Metadata_OnTheForwardingSilo_SaysWhichSiloServesTheVersionAndWhereItIsLoaded()
    {
        await WaitUntilForwardingAsync();

        var metadata = await GetJsonAsync(cluster.CpuNode.Http, $"/v2/models/{Model}/versions/{Version}");

        var serving = GpuOnlyVersionClusterFixture.AddressOf(cluster.ServingNode);
        var cpu = GpuOnlyVersionClusterFixture.AddressOf(cluster.CpuNode);
        Assert.Equal(serving, metadata.GetProperty("served_by").GetString());
        Assert.Equal("cpu", metadata.GetProperty("device").GetString());
        var placements = metadata.GetProperty("placements").EnumerateArray().ToDictionary(static p => p.GetProperty("silo").GetString()!);
        Assert.Equal(("READY", "cpu"), (placements[serving].GetProperty("state").GetString(), placements[serving].GetProperty("device").GetString()));
        Assert.Equal("UNAVAILABLE", placements[cpu].GetProperty("state").GetString());
        Assert.Contains("asks for the GPU", placements[cpu].GetProperty("reason").GetString(), StringComparison.Ordinal);
        var local = await GetJsonAsync(cluster.CpuNode.Http, $"/v2/models/{Model}/versions/1");
        Assert.Equal(JsonValueKind.Null, local.GetProperty("served_by").ValueKind);
    }

    [Fact]
    public async Task Cluster_AdminApi_ListsEverySiloWithItsAcceleratorAndTheDeviceOfEachVersion()
    {
        await WaitUntilForwardingAsync();

        using var response = await cluster.CpuNode.Http.SendAdminAsync(HttpMethod.Get, "/admin/v1/cluster");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var silos = json.RootElement.GetProperty("silos").EnumerateArray().ToDictionary(static s => s.GetProperty("address").GetString()!);
        Assert.Equal(2, silos.Count);
        foreach (var silo in silos.Values)
        {
            Assert.Equal("active", silo.GetProperty("status").GetString());
            var accelerator = silo.GetProperty("accelerator");
            Assert.False(accelerator.GetProperty("cuda").GetBoolean());
            Assert.StartsWith("CUDA is not usable", accelerator.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        Assert.Equal(("READY", "cpu"), VersionOn(silos[GpuOnlyVersionClusterFixture.AddressOf(cluster.ServingNode)]));
        Assert.Equal(("UNAVAILABLE", null), VersionOn(silos[GpuOnlyVersionClusterFixture.AddressOf(cluster.CpuNode)]));
    }

    private static (string?, string?) VersionOn(JsonElement silo)
    {
        var version = silo.GetProperty("versions").EnumerateArray()
            .Single(static v => v.GetProperty("model").GetString() == Model && v.GetProperty("version").GetString() == Version);
        return (version.GetProperty("state").GetString(), version.GetProperty("device").GetString());
    }

    private static async Task<JsonElement> GetJsonAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>The CPU silo learns where the version is ready from the repository grain, pushed on the serving silo's report.</summary>
    private Task WaitUntilForwardingAsync() =>
        Eventually.TrueAsync(
            async () => (await cluster.CpuNode.Http.GetAsync(new Uri($"/v2/models/{Model}/versions/{Version}/ready", UriKind.Relative))).StatusCode == HttpStatusCode.OK,
            Deadline,
            "the CPU silo to find a silo that serves the GPU-only version");
}

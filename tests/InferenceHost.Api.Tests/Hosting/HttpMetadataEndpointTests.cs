using System.Net;
using System.Text;
using System.Text.Json;
using InferenceHost.Inference.Execution;

namespace InferenceHost.Api.Tests.Hosting;

[Collection(ApiHostCollection.Name)]
public sealed class HttpMetadataEndpointTests(ApiHostFixture host)
{
    [Fact]
    public async Task HealthLive_Answers200WithLiveTrue()
    {
        var json = await HttpAssert.OkJsonAsync(await host.Http.GetAsync(Uri("/v2/health/live")));

        Assert.True(json.GetProperty("live").GetBoolean());
    }

    [Fact]
    public async Task HealthReady_SettledRepositoryWithABrokenModel_Answers200WithReadyTrue()
    {
        var json = await HttpAssert.OkJsonAsync(await host.Http.GetAsync(Uri("/v2/health/ready")));

        Assert.True(json.GetProperty("ready").GetBoolean());
    }

    [Fact]
    public async Task ServerMetadata_ListsNameVersionAndOnlyServedExtensions()
    {
        var json = await HttpAssert.OkJsonAsync(await host.Http.GetAsync(Uri("/v2")));

        Assert.Equal("inferencehost", json.GetProperty("name").GetString());
        Assert.Equal(ApiHostFixture.ServerVersion, json.GetProperty("version").GetString());
        Assert.Equal(["binary_tensor_data", "model_configuration"], json.GetProperty("extensions").EnumerateArray().Select(e => e.GetString()));
    }

    [Theory]
    [InlineData("/v2/models/iris-mlp", "3")]
    [InlineData("/v2/models/iris-mlp/versions/1", "1")]
    public async Task ModelMetadata_DescribesTensorsAndReadyVersions(string path, string version)
    {
        var response = await host.Http.GetAsync(Uri(path));
        var json = await HttpAssert.OkJsonAsync(response);

        var loaded = host.Loaded("iris-mlp", version);
        Assert.Equal(version, Assert.Single(response.Headers.GetValues("x-model-version")));
        Assert.Equal("iris-mlp", json.GetProperty("name").GetString());
        Assert.Equal(["1", "2", "3"], json.GetProperty("versions").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("onnxruntime_onnx", json.GetProperty("platform").GetString());
        Assert.Equal(
            """[{"name":"input","datatype":"FP32","shape":[-1,4]}]""",
            json.GetProperty("inputs").GetRawText());
        Assert.Equal(
            """[{"name":"probabilities","datatype":"FP32","shape":[-1,3]},{"name":"label","datatype":"INT64","shape":[-1]}]""",
            json.GetProperty("outputs").GetRawText());
        Assert.Equal(loaded.Device == ExecutionDevice.Gpu ? "gpu" : "cpu", json.GetProperty("device").GetString());
        Assert.Equal(loaded.DeviceReason, json.GetProperty("device_reason").GetString());
    }

    [Theory]
    [InlineData("/v2/models/nope", HttpStatusCode.NotFound, "unknown model 'nope'")]
    [InlineData("/v2/models/iris-mlp/versions/7", HttpStatusCode.NotFound, "model 'iris-mlp' has no version '7'")]
    [InlineData("/v2/models/broken", HttpStatusCode.ServiceUnavailable, "model 'broken' has no ready version")]
    [InlineData("/v2/models/nope/ready", HttpStatusCode.NotFound, "unknown model 'nope'")]
    [InlineData("/v2/models/broken/ready", HttpStatusCode.ServiceUnavailable, "model 'broken' has no ready version")]
    [InlineData("/v2/models/nope/config", HttpStatusCode.NotFound, "unknown model 'nope'")]
    [InlineData("/v2/models/iris-mlp/stats", HttpStatusCode.NotFound, "no v2 endpoint GET /v2/models/iris-mlp/stats")]
    public async Task UnknownOrUnreadyModel_AnswersErrorJson(string path, HttpStatusCode status, string message)
    {
        await HttpAssert.ErrorAsync(await host.Http.GetAsync(Uri(path)), status, message);
    }

    [Theory]
    [InlineData("/v2/models/broken/versions/1")]
    [InlineData("/v2/models/broken/versions/1/ready")]
    [InlineData("/v2/models/broken/versions/1/config")]
    public async Task UnavailableVersion_Answers503WithWhyItDidNotLoad(string path)
    {
        await HttpAssert.ErrorAsync(
            await host.Http.GetAsync(Uri(path)), HttpStatusCode.ServiceUnavailable, $"model 'broken' version '1' is not ready: {host.BrokenReason}");
    }

    [Theory]
    [InlineData("/v2/models/iris-mlp/ready")]
    [InlineData("/v2/models/iris-mlp/versions/1/ready")]
    public async Task ModelReady_ReadyModel_Answers200(string path)
    {
        var json = await HttpAssert.OkJsonAsync(await host.Http.GetAsync(Uri(path)));

        Assert.Equal("""{"name":"iris-mlp","ready":true}""", json.GetRawText());
    }

    [Fact]
    public async Task ModelConfig_IsTritonShaped()
    {
        var json = await HttpAssert.OkJsonAsync(await host.Http.GetAsync(Uri("/v2/models/iris-mlp/config")));

        var kind = host.Loaded("iris-mlp", "3").Device == ExecutionDevice.Gpu ? "KIND_GPU" : "KIND_CPU";
        var expected =
            $$"""
            {"name":"iris-mlp","platform":"onnxruntime_onnx","backend":"onnxruntime","max_batch_size":64,
            "input":[{"name":"input","data_type":"TYPE_FP32","format":"FORMAT_NONE","dims":[4]}],
            "output":[{"name":"probabilities","data_type":"TYPE_FP32","dims":[3]},{"name":"label","data_type":"TYPE_INT64","dims":[]}],
            "instance_group":[{"name":"iris-mlp_0","kind":"{{kind}}","count":1}],"default_model_filename":"model.onnx"}
            """;
        Assert.Equal(expected.ReplaceLineEndings(string.Empty), json.GetRawText());
    }

    [Theory]
    [InlineData("", 6)]
    [InlineData("{}", 6)]
    [InlineData("""{"ready":false}""", 6)]
    [InlineData("""{"ready":true}""", 5)]
    public async Task RepositoryIndex_ListsVersionsWithState(string body, int count)
    {
        var json = await HttpAssert.OkJsonAsync(await host.Http.PostAsync(Uri("/v2/repository/index"), new StringContent(body)));

        (string, string, string, string)[] ready =
            [("dtype-echo", "1", "READY", ""), ("gather-lookup", "1", "READY", ""), ("iris-mlp", "1", "READY", ""), ("iris-mlp", "2", "READY", ""), ("iris-mlp", "3", "READY", "")];
        var expected = count == 6 ? [("broken", "1", "UNAVAILABLE", host.BrokenReason), .. ready] : ready;
        Assert.Equal(expected, json.EnumerateArray().Select(Entry));
    }

    [Fact]
    public async Task RepositoryIndex_BrokenModel_ReasonNamesTheFileOnnxRuntimeRefused()
    {
        var json = await HttpAssert.OkJsonAsync(await host.Http.PostAsync(Uri("/v2/repository/index"), new StringContent("{}")));

        var broken = Assert.Single(json.EnumerateArray(), e => e.GetProperty("name").GetString() == ApiHostFixture.BrokenModel);
        Assert.StartsWith($"ONNX Runtime cannot load {host.BrokenModelPath}: ", broken.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RepositoryIndex_MalformedBody_Answers400()
    {
        var response = await host.Http.PostAsync(Uri("/v2/repository/index"), new StringContent("{\"ready\":", Encoding.UTF8));

        await HttpAssert.ErrorAsync(
            response,
            HttpStatusCode.BadRequest,
            "malformed JSON at line 1, byte 10: Expected depth to be zero at the end of the JSON payload. There is an open JSON object or array that should be closed.");
    }

    private static (string, string, string, string) Entry(JsonElement e) =>
        (e.GetProperty("name").GetString()!, e.GetProperty("version").GetString()!, e.GetProperty("state").GetString()!, e.GetProperty("reason").GetString()!);

    private static Uri Uri(string path) => new(path, UriKind.Relative);
}

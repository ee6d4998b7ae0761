using System.Net;
using System.Text;

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
    public async Task HealthReady_SettledDirectory_Answers200WithReadyTrue()
    {
        var json = await HttpAssert.OkJsonAsync(await host.Http.GetAsync(Uri("/v2/health/ready")));

        Assert.True(json.GetProperty("ready").GetBoolean());
    }

    [Fact]
    public async Task ServerMetadata_ListsNameVersionAndOnlyServedExtensions()
    {
        var json = await HttpAssert.OkJsonAsync(await host.Http.GetAsync(Uri("/v2")));

        Assert.Equal("inferencehost", json.GetProperty("name").GetString());
        Assert.Equal("9.9.9", json.GetProperty("version").GetString());
        Assert.Equal(["binary_tensor_data", "model_configuration"], json.GetProperty("extensions").EnumerateArray().Select(e => e.GetString()));
    }

    [Theory]
    [InlineData("/v2/models/echo", "2")]
    [InlineData("/v2/models/echo/versions/1", "1")]
    public async Task ModelMetadata_DescribesTensorsAndReadyVersions(string path, string version)
    {
        var response = await host.Http.GetAsync(Uri(path));
        var json = await HttpAssert.OkJsonAsync(response);

        Assert.Equal(version, Assert.Single(response.Headers.GetValues("x-model-version")));
        Assert.Equal("echo", json.GetProperty("name").GetString());
        Assert.Equal(["1", "2"], json.GetProperty("versions").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("onnxruntime_onnx", json.GetProperty("platform").GetString());
        Assert.Equal(
            """{"name":"input","datatype":"FP32","shape":[-1,4]}""",
            json.GetProperty("inputs")[0].GetRawText());
        Assert.Equal(2, json.GetProperty("outputs").GetArrayLength());
        Assert.Equal("cpu", json.GetProperty("device").GetString());
        Assert.Equal("no CUDA device", json.GetProperty("device_reason").GetString());
    }

    [Theory]
    [InlineData("/v2/models/nope", HttpStatusCode.NotFound, "unknown model 'nope'")]
    [InlineData("/v2/models/echo/versions/7", HttpStatusCode.NotFound, "unknown version '7' of model 'echo'")]
    [InlineData("/v2/models/loading", HttpStatusCode.ServiceUnavailable, "model 'loading' version 1 is Loading: warming up")]
    [InlineData("/v2/models/nope/ready", HttpStatusCode.NotFound, "unknown model 'nope'")]
    [InlineData("/v2/models/loading/versions/1/ready", HttpStatusCode.ServiceUnavailable, "model 'loading' version 1 is Loading: warming up")]
    [InlineData("/v2/models/nope/config", HttpStatusCode.NotFound, "unknown model 'nope'")]
    [InlineData("/v2/models/echo/stats", HttpStatusCode.NotFound, "no v2 endpoint GET /v2/models/echo/stats")]
    public async Task UnknownOrUnreadyModel_AnswersErrorJson(string path, HttpStatusCode status, string message)
    {
        await HttpAssert.ErrorAsync(await host.Http.GetAsync(Uri(path)), status, message);
    }

    [Theory]
    [InlineData("/v2/models/echo/ready")]
    [InlineData("/v2/models/echo/versions/1/ready")]
    public async Task ModelReady_ReadyModel_Answers200(string path)
    {
        var json = await HttpAssert.OkJsonAsync(await host.Http.GetAsync(Uri(path)));

        Assert.Equal("""{"name":"echo","ready":true}""", json.GetRawText());
    }

    [Fact]
    public async Task ModelConfig_IsTritonShaped()
    {
        var json = await HttpAssert.OkJsonAsync(await host.Http.GetAsync(Uri("/v2/models/echo/config")));

        const string Expected =
            """
            {"name":"echo","platform":"onnxruntime_onnx","backend":"onnxruntime","max_batch_size":8,
            "input":[{"name":"input","data_type":"TYPE_FP32","format":"FORMAT_NONE","dims":[4]}],
            "output":[{"name":"input_out","data_type":"TYPE_FP32","dims":[4]},{"name":"label","data_type":"TYPE_INT64","dims":[]}],
            "instance_group":[{"name":"echo_0","kind":"KIND_CPU","count":1}],"default_model_filename":"model.onnx"}
            """;
        Assert.Equal(Expected.ReplaceLineEndings(string.Empty), json.GetRawText());
    }

    [Theory]
    [InlineData("", 4)]
    [InlineData("{}", 4)]
    [InlineData("""{"ready":false}""", 4)]
    [InlineData("""{"ready":true}""", 3)]
    public async Task RepositoryIndex_ListsVersionsWithState(string body, int count)
    {
        var json = await HttpAssert.OkJsonAsync(await host.Http.PostAsync(Uri("/v2/repository/index"), new StringContent(body)));

        Assert.Equal(count, json.GetArrayLength());
        Assert.Equal("""{"name":"broken","version":"1","state":"READY","reason":""}""", json[0].GetRawText());
        if (count == 4)
        {
            Assert.Equal("""{"name":"loading","version":"1","state":"LOADING","reason":"warming up"}""", json[3].GetRawText());
        }
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

    private static Uri Uri(string path) => new(path, UriKind.Relative);
}

using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using InferenceHost.Api.Tests.Hosting;

namespace InferenceHost.Api.Tests.Integration;

[Collection(ApiHostCollection.Name)]
public sealed class RealHostHttpTests(ApiHostFixture host)
{
    private const string IrisRequest =
        """{"id":"iris-1","inputs":[{"name":"input","shape":[2,4],"datatype":"FP32","data":[[5.1,3.5,1.4,0.2],[6.3,3.3,6.0,2.5]]}]}""";

    private static readonly Uri IrisInfer = new("/v2/models/iris-mlp/infer", UriKind.Relative);

    [Fact]
    public async Task ServerMetadata_NamesTheServer()
    {
        var json = await HttpAssert.OkJsonAsync(await host.Http.GetAsync(Uri("/v2")));

        Assert.Equal("inferencehost", json.GetProperty("name").GetString());
        Assert.False(string.IsNullOrEmpty(json.GetProperty("version").GetString()));
        Assert.Contains("binary_tensor_data", json.GetProperty("extensions").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task ModelMetadata_Iris_DescribesItsSignature()
    {
        var response = await host.Http.GetAsync(Uri("/v2/models/iris-mlp"));
        var json = await HttpAssert.OkJsonAsync(response);

        Assert.Equal("3", Assert.Single(response.Headers.GetValues("x-model-version")));
        Assert.Equal(["1", "2", "3"], json.GetProperty("versions").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("""{"name":"input","datatype":"FP32","shape":[-1,4]}""", json.GetProperty("inputs")[0].GetRawText());
        Assert.Equal("""{"name":"probabilities","datatype":"FP32","shape":[-1,3]}""", json.GetProperty("outputs")[0].GetRawText());
        Assert.Equal("""{"name":"label","datatype":"INT64","shape":[-1]}""", json.GetProperty("outputs")[1].GetRawText());
    }

    [Fact]
    public async Task ModelConfig_Iris_LeavesOutTheBatchDimension()
    {
        var json = await HttpAssert.OkJsonAsync(await host.Http.GetAsync(Uri("/v2/models/iris-mlp/versions/2/config")));

        Assert.Equal(64, json.GetProperty("max_batch_size").GetInt32());
        Assert.Equal("onnxruntime_onnx", json.GetProperty("platform").GetString());
        Assert.Equal("[4]", json.GetProperty("input")[0].GetProperty("dims").GetRawText());
        Assert.Equal("[3]", json.GetProperty("output")[0].GetProperty("dims").GetRawText());
        Assert.Equal("TYPE_INT64", json.GetProperty("output")[1].GetProperty("data_type").GetString());
        Assert.StartsWith("KIND_", json.GetProperty("instance_group")[0].GetProperty("kind").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RepositoryIndex_ListsEveryIrisVersionReady()
    {
        var json = await HttpAssert.OkJsonAsync(await host.Http.PostAsync(Uri("/v2/repository/index"), new StringContent("""{"ready":true}""")));

        var iris = json.EnumerateArray().Where(e => e.GetProperty("name").GetString() == "iris-mlp").ToList();
        Assert.Equal(["1", "2", "3"], iris.Select(e => e.GetProperty("version").GetString()));
        Assert.All(iris, e => Assert.Equal("READY", e.GetProperty("state").GetString()));
    }

    [Fact]
    public async Task Infer_IrisJson_ClassifiesBothFlowers()
    {
        var response = await host.Http.PostAsync(IrisInfer, Json(IrisRequest));
        var json = await HttpAssert.OkJsonAsync(response);

        Assert.Equal(("iris-mlp", "3", "iris-1"), (json.GetProperty("model_name").GetString(), json.GetProperty("model_version").GetString(), json.GetProperty("id").GetString()));
        var probabilities = json.GetProperty("outputs")[0];
        Assert.Equal("[2,3]", probabilities.GetProperty("shape").GetRawText());
        var values = probabilities.GetProperty("data").EnumerateArray().Select(e => e.GetSingle()).ToArray();
        Assert.Equal(1.0, values[0] + values[1] + values[2], 3);
        Assert.Equal(1.0, values[3] + values[4] + values[5], 3);
        var label = json.GetProperty("outputs")[1];
        Assert.Equal(("label", "INT64", "[2]"), (label.GetProperty("name").GetString(), label.GetProperty("datatype").GetString(), label.GetProperty("shape").GetRawText()));
    }

    [Fact]
    public async Task Infer_IrisBinary_MatchesTheJsonAnswer()
    {
        var jsonAnswer = await HttpAssert.OkJsonAsync(await host.Http.PostAsync(IrisInfer, Json(IrisRequest)));
        var header = Encoding.UTF8.GetBytes(
            """{"inputs":[{"name":"input","shape":[2,4],"datatype":"FP32","parameters":{"binary_data_size":32}}],"parameters":{"binary_data_output":true}}""");
        var content = new ByteArrayContent([.. header, .. LittleEndian.Of(5.1f, 3.5f, 1.4f, 0.2f, 6.3f, 3.3f, 6.0f, 2.5f)]);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Headers.Add("Inference-Header-Content-Length", header.Length.ToString(CultureInfo.InvariantCulture));

        var response = await host.Http.PostAsync(IrisInfer, content);
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var jsonLength = int.Parse(Assert.Single(response.Headers.GetValues("Inference-Header-Content-Length")), CultureInfo.InvariantCulture);
        using var binaryHeader = JsonDocument.Parse(body.AsMemory(0, jsonLength));
        var outputs = binaryHeader.RootElement.GetProperty("outputs");
        Assert.Equal(24, outputs[0].GetProperty("parameters").GetProperty("binary_data_size").GetInt32());
        Assert.Equal(16, outputs[1].GetProperty("parameters").GetProperty("binary_data_size").GetInt32());
        Assert.False(outputs[0].TryGetProperty("data", out _));
        var expectedProbabilities = jsonAnswer.GetProperty("outputs")[0].GetProperty("data").EnumerateArray().Select(e => e.GetSingle()).ToArray();
        var expectedLabels = jsonAnswer.GetProperty("outputs")[1].GetProperty("data").EnumerateArray().Select(e => e.GetInt64()).ToArray();
        Assert.Equal(LittleEndian.Of(expectedProbabilities), body[jsonLength..(jsonLength + 24)]);
        Assert.Equal(LittleEndian.Of(expectedLabels), body[(jsonLength + 24)..]);
    }

    [Fact]
    public async Task Infer_PinnedVersion_IsServedByIt()
    {
        var json = await HttpAssert.OkJsonAsync(await host.Http.PostAsync(Uri("/v2/models/iris-mlp/versions/1/infer"), Json(IrisRequest)));

        Assert.Equal("1", json.GetProperty("model_version").GetString());
    }

    [Fact]
    public async Task Infer_DtypeEcho_CarriesEveryJsonDatatypeThroughTheModel()
    {
        const string Inputs =
            """
            [{"name":"fp32","shape":[2],"datatype":"FP32","data":[1.5,-2]},
             {"name":"fp64","shape":[1],"datatype":"FP64","data":[0.25]},
             {"name":"int32","shape":[3],"datatype":"INT32","data":[1,-2,100]},
             {"name":"int64","shape":[1],"datatype":"INT64","data":[-4000000000]},
             {"name":"bool","shape":[2],"datatype":"BOOL","data":[true,false]},
             {"name":"text","shape":[2],"datatype":"BYTES","data":["héllo",""]}]
            """;

        var json = await HttpAssert.OkJsonAsync(await host.Http.PostAsync(Uri("/v2/models/dtype-echo/infer"), Json($$"""{"inputs":{{Inputs}}}""")));

        var data = json.GetProperty("outputs").EnumerateArray().ToDictionary(o => o.GetProperty("name").GetString()!, o => o.GetProperty("data").GetRawText());
        Assert.Equal("[3,-4]", data["fp32_out"]);
        Assert.Equal("[0.75]", data["fp64_out"]);
        Assert.Equal("[8,5,107]", data["int32_out"]);
        Assert.Equal("[-12000000000]", data["int64_out"]);
        Assert.Equal("[false,true]", data["bool_out"]);
        Assert.Equal("[\"héllo\",\"\"]", data["text_out"]);
    }

    [Theory]
    [InlineData("/v2/models/nope/infer", IrisRequest, HttpStatusCode.NotFound, "unknown model 'nope'")]
    [InlineData("/v2/models/iris-mlp/infer", """{"inputs":[{"name":"input","shape":[1,4],"datatype":"FP32","data":[1,2,3,4]]}""", HttpStatusCode.BadRequest, "malformed JSON at line 1, byte 76: ']' is invalid without a matching open.")]
    [InlineData("/v2/models/iris-mlp/infer", """{"inputs":[{"name":"input","shape":[1,4],"datatype":"FP64","data":[1,2,3,4]}]}""", HttpStatusCode.BadRequest, "input 'input' has datatype FP64, but the model expects FP32")]
    [InlineData("/v2/models/iris-mlp/infer", """{"inputs":[{"name":"input","shape":[1,4],"datatype":"FP32","data":[1,2,3]}]}""", HttpStatusCode.BadRequest, "input 'input': shape [1,4] needs 4 elements but 'data' has 3")]
    public async Task Infer_BadRequest_AnswersStatusAndTextThenStillServes(string path, string body, HttpStatusCode status, string message)
    {
        await HttpAssert.ErrorAsync(await host.Http.PostAsync(Uri(path), Json(body)), status, message);
        await HttpAssert.OkJsonAsync(await host.Http.PostAsync(IrisInfer, Json(IrisRequest)));
    }

    [Fact]
    public async Task Infer_OversizedBody_Answers413ThenStillServes()
    {
        var oversized = new ByteArrayContent(new byte[ApiHostFixture.MaxRequestBodyBytes + 1]);

        await HttpAssert.ErrorAsync(
            await host.Http.PostAsync(IrisInfer, oversized),
            HttpStatusCode.RequestEntityTooLarge,
            $"the request body exceeds the limit of {ApiHostFixture.MaxRequestBodyBytes} bytes");
        await HttpAssert.OkJsonAsync(await host.Http.PostAsync(IrisInfer, Json(IrisRequest)));
    }

    private static Uri Uri(string path) => new(path, UriKind.Relative);

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}

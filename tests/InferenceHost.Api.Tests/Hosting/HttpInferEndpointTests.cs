using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace InferenceHost.Api.Tests.Hosting;

[Collection(ApiHostCollection.Name)]
public sealed class HttpInferEndpointTests(ApiHostFixture host)
{
    private const string GoodRequest =
        """{"id":"r1","inputs":[{"name":"input","shape":[2,4],"datatype":"FP32","data":[[5.1,3.5,1.4,0.2],[6.3,3.3,6.0,2.5]]}]}""";

    private static readonly Uri Infer = new("/v2/models/iris-mlp/infer", UriKind.Relative);

    [Fact]
    public async Task Infer_Json_AnswersIdLatestVersionAndTheModelsOutputs()
    {
        var response = await host.Http.PostAsync(Infer, Json(GoodRequest));
        var json = await HttpAssert.OkJsonAsync(response);

        Assert.Equal("3", Assert.Single(response.Headers.GetValues("x-model-version")));
        Assert.Equal(["model_name", "model_version", "id", "outputs"], json.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("iris-mlp", "3", "r1"), (json.GetProperty("model_name").GetString(), json.GetProperty("model_version").GetString(), json.GetProperty("id").GetString()));
        var outputs = json.GetProperty("outputs");
        Assert.Equal(2, outputs.GetArrayLength());
        Assert.Equal(("probabilities", "FP32", "[2,3]"), (outputs[0].GetProperty("name").GetString(), outputs[0].GetProperty("datatype").GetString(), outputs[0].GetProperty("shape").GetRawText()));
        IrisAssert.Probabilities(3, IrisAssert.TwoFlowers, [.. outputs[0].GetProperty("data").EnumerateArray().Select(e => e.GetSingle())]);
        Assert.Equal(
            """{"name":"label","datatype":"INT64","shape":[2],"data":""" + IrisAssert.LabelsJson(3, IrisAssert.TwoFlowers) + "}",
            outputs[1].GetRawText());
    }

    [Fact]
    public async Task Infer_PinnedVersion_IsServedByThatVersion()
    {
        var json = await HttpAssert.OkJsonAsync(await host.Http.PostAsync(new Uri("/v2/models/iris-mlp/versions/1/infer", UriKind.Relative), Json(GoodRequest)));

        Assert.Equal("1", json.GetProperty("model_version").GetString());
        IrisAssert.Probabilities(1, IrisAssert.TwoFlowers, [.. json.GetProperty("outputs")[0].GetProperty("data").EnumerateArray().Select(e => e.GetSingle())]);
    }

    [Fact]
    public async Task Infer_BinaryExtension_AnswersBinaryOutputsWhereAsked()
    {
        var header = Encoding.UTF8.GetBytes(
            """{"inputs":[{"name":"input","shape":[1,4],"datatype":"FP32","parameters":{"binary_data_size":16}}],"outputs":[{"name":"probabilities","parameters":{"binary_data":true}},{"name":"label"}]}""");
        var content = new ByteArrayContent([.. header, .. LittleEndian.Of(IrisAssert.OneFlower)]);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Headers.Add("Inference-Header-Content-Length", header.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));

        var response = await host.Http.PostAsync(Infer, content);
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/octet-stream", response.Content.Headers.ContentType?.MediaType);
        var jsonLength = int.Parse(Assert.Single(response.Headers.GetValues("Inference-Header-Content-Length")), System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(
            """{"model_name":"iris-mlp","model_version":"3","outputs":[{"name":"probabilities","datatype":"FP32","shape":[1,3],"parameters":{"binary_data_size":12}},{"name":"label","datatype":"INT64","shape":[1],"data":"""
                + IrisAssert.LabelsJson(3, IrisAssert.OneFlower) + "}]}",
            Encoding.UTF8.GetString(body, 0, jsonLength));
        IrisAssert.Probabilities(3, IrisAssert.OneFlower, body[jsonLength..]);
    }

    /// <summary>
    /// The body is placed so that the binary tensors start aligned, whatever the JSON header's length:
    /// every offset modulo 8, over a sized, a chunked and a compressed body, answers the same.
    /// </summary>
    [Theory]
    [MemberData(nameof(PaddingsAndFramings))]
    public async Task Infer_BinaryTensorAtAnyOffset_AnswersTheSame(int padding, string framing)
    {
        var header = Encoding.UTF8.GetBytes(
            """{"inputs":[{"name":"input","shape":[1,4],"datatype":"FP32","parameters":{"binary_data_size":16}}]}""" + new string(' ', padding));
        byte[] body = [.. header, .. LittleEndian.Of(IrisAssert.OneFlower)];
        HttpContent content = framing switch
        {
            "sized" => new ByteArrayContent(body),
            "chunked" => new StreamContent(new MemoryStream(body)),
            _ => new ByteArrayContent(Compress(body, "gzip")),
        };
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Headers.Add("Inference-Header-Content-Length", header.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (framing == "gzip")
        {
            content.Headers.ContentEncoding.Add("gzip");
        }

        var request = new HttpRequestMessage(HttpMethod.Post, Infer) { Content = content };
        request.Headers.TransferEncodingChunked = framing == "chunked";
        var json = await HttpAssert.OkJsonAsync(await host.Http.SendAsync(request));

        IrisAssert.Probabilities(3, IrisAssert.OneFlower, [.. json.GetProperty("outputs")[0].GetProperty("data").EnumerateArray().Select(e => e.GetSingle())]);
    }

    /// <summary>
    /// Large bodies (here a full batch behind a header padded past the pooling threshold) are read into pooled
    /// arrays that later requests reuse: many in flight at once, each answers for its own input, never another's.
    /// </summary>
    [Fact]
    public async Task Infer_LargeBinaryBodiesInParallel_EachAnswersItsOwnInput()
    {
        const int Flowers = 64;
        var random = new Random(5);

        await Parallel.ForAsync(0, 160, new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (_, cancellationToken) =>
        {
            var flowers = IrisAssert.RandomFlowers(random, Flowers);

            var header = Encoding.UTF8.GetBytes(
                $$"""{"inputs":[{"name":"input","shape":[{{Flowers}},4],"datatype":"FP32","parameters":{"binary_data_size":{{Flowers * 16}} } }],"outputs":[{"name":"probabilities","parameters":{"binary_data":true} }]}""" + new string(' ', 20_000));
            var content = new ByteArrayContent([.. header, .. LittleEndian.Of(flowers)]);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            content.Headers.Add("Inference-Header-Content-Length", header.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));

            var response = await host.Http.PostAsync(Infer, content, cancellationToken);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var jsonLength = int.Parse(Assert.Single(response.Headers.GetValues("Inference-Header-Content-Length")), System.Globalization.CultureInfo.InvariantCulture);
            IrisAssert.Probabilities(3, flowers, body[jsonLength..]);
        });
    }

    /// <summary>
    /// Large JSON tensors are decoded into pooled arrays that later requests reuse: many in flight at once, each
    /// answers for its own input, never another's (dtype-echo doubles its FP32 lane; 6,000 elements, 24 KB decoded).
    /// </summary>
    [Fact]
    public async Task Infer_LargeJsonTensorsInParallel_EachAnswersItsOwnInput()
    {
        var random = new Random(7);

        await Parallel.ForAsync(0, 96, new ParallelOptions { MaxDegreeOfParallelism = 24 }, async (_, cancellationToken) =>
        {
            var lane = LargeEchoJson.Lane(random);

            var json = await HttpAssert.OkJsonAsync(
                await host.Http.PostAsync(new Uri("/v2/models/dtype-echo/infer", UriKind.Relative), LargeEchoJson.Request(lane), cancellationToken));

            var output = Assert.Single(json.GetProperty("outputs").EnumerateArray());
            Assert.Equal(lane.Select(v => v * 2), output.GetProperty("data").EnumerateArray().Select(e => e.GetSingle()));
        });
    }

    /// <summary>
    /// A large JSON tensor that turns out wrong after its pooled array was taken (one element more than its shape)
    /// answers 400 with the exact count, and the next large request still answers for its own input.
    /// </summary>
    [Fact]
    public async Task Infer_LargeJsonTensorWithTooManyElements_Answers400ThenStillServes()
    {
        var random = new Random(9);
        var tooLong = LargeEchoJson.Lane(random).Append(1f).ToArray();

        await HttpAssert.ErrorAsync(
            await host.Http.PostAsync(new Uri("/v2/models/dtype-echo/infer", UriKind.Relative), LargeEchoJson.Request(tooLong, declaredLength: LargeEchoJson.Length)),
            HttpStatusCode.BadRequest,
            $"input 'fp32': shape [{LargeEchoJson.Length}] needs {LargeEchoJson.Length} elements but 'data' has {LargeEchoJson.Length + 1}");

        var lane = LargeEchoJson.Lane(random);
        var json = await HttpAssert.OkJsonAsync(await host.Http.PostAsync(new Uri("/v2/models/dtype-echo/infer", UriKind.Relative), LargeEchoJson.Request(lane)));
        Assert.Equal(lane.Select(v => v * 2), Assert.Single(json.GetProperty("outputs").EnumerateArray()).GetProperty("data").EnumerateArray().Select(e => e.GetSingle()));
    }

    [Theory]
    [InlineData("gzip")]
    [InlineData("deflate")]
    [InlineData("br")]
    public async Task Infer_CompressedBody_IsDecompressed(string encoding)
    {
        var content = new ByteArrayContent(Compress(Encoding.UTF8.GetBytes(GoodRequest), encoding));
        content.Headers.ContentEncoding.Add(encoding);

        var json = await HttpAssert.OkJsonAsync(await host.Http.PostAsync(Infer, content));

        Assert.Equal("r1", json.GetProperty("id").GetString());
    }

    [Fact]
    public async Task Infer_UnknownContentEncoding_Answers415()
    {
        var content = Json(GoodRequest);
        content.Headers.ContentEncoding.Add("zstd");

        await HttpAssert.ErrorAsync(
            await host.Http.PostAsync(Infer, content), HttpStatusCode.UnsupportedMediaType, "Content-Encoding 'zstd' is not supported; use gzip, deflate or br");
    }

    [Fact]
    public async Task Infer_CorruptGzip_Answers400()
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(GoodRequest));
        content.Headers.ContentEncoding.Add("gzip");

        var response = await host.Http.PostAsync(Infer, content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("{\"error\":\"the request body is not valid gzip data: ", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Infer_BodyOverTheLimit_Answers413ThenStillServes()
    {
        var tooLarge = new ByteArrayContent(new byte[ApiHostFixture.MaxRequestBodyBytes + 1]);

        await HttpAssert.ErrorAsync(
            await host.Http.PostAsync(Infer, tooLarge), HttpStatusCode.RequestEntityTooLarge, "the request body exceeds the limit of 65536 bytes");
        await HttpAssert.OkJsonAsync(await host.Http.PostAsync(Infer, Json(GoodRequest)));
    }

    [Fact]
    public async Task Infer_ChunkedBodyOverTheLimit_Answers413()
    {
        var chunked = new StreamContent(new MemoryStream(new byte[ApiHostFixture.MaxRequestBodyBytes * 2]));
        var request = new HttpRequestMessage(HttpMethod.Post, Infer) { Content = chunked };
        request.Headers.TransferEncodingChunked = true;

        await HttpAssert.ErrorAsync(
            await host.Http.SendAsync(request), HttpStatusCode.RequestEntityTooLarge, "the request body exceeds the limit of 65536 bytes");
    }

    [Fact]
    public async Task Infer_CompressedBodyExpandingPastTheLimit_Answers413()
    {
        var bomb = new ByteArrayContent(Compress(new byte[ApiHostFixture.MaxRequestBodyBytes * 4], "gzip"));
        bomb.Headers.ContentEncoding.Add("gzip");

        await HttpAssert.ErrorAsync(
            await host.Http.PostAsync(Infer, bomb), HttpStatusCode.RequestEntityTooLarge, "the request body exceeds the limit of 65536 bytes");
    }

    [Theory]
    [InlineData("/v2/models/nope/infer", GoodRequest, HttpStatusCode.NotFound, "unknown model 'nope'")]
    [InlineData("/v2/models/broken/infer", GoodRequest, HttpStatusCode.ServiceUnavailable, "model 'broken' has no ready version")]
    [InlineData("/v2/models/iris-mlp/infer", """{"inputs":[{"name":"input",""", HttpStatusCode.BadRequest, "malformed JSON at line 1, byte 27: Expected start of a property name or value, but instead reached end of data.")]
    [InlineData("/v2/models/iris-mlp/infer", """{"inputs":[{"name":"input","shape":[1],"datatype":"FP32","data":["a"]}]}""", HttpStatusCode.BadRequest, "input 'input': data element 0 is a string, expected a number for FP32")]
    [InlineData("/v2/models/iris-mlp/infer", """{"inputs":[{"name":"input","shape":[1],"datatype":"FP33","data":[1]}]}""", HttpStatusCode.BadRequest, "input 'input': unknown datatype 'FP33'")]
    [InlineData("/v2/models/iris-mlp/infer", """{"inputs":[],"outputs":[{"name":"nope"}]}""", HttpStatusCode.BadRequest, "missing input 'input': the model needs 'input' FP32 [-1,4]")]
    [InlineData("/v2/models/iris-mlp/infer", """{"inputs":[{"name":"input","shape":[1,4],"datatype":"FP32","data":[1,2,3,4]}],"outputs":[{"name":"nope"}]}""", HttpStatusCode.BadRequest, "unknown output 'nope': the model's outputs are 'probabilities' FP32 [-1,3], 'label' INT64 [-1]")]
    public async Task Infer_BadRequest_AnswersStatusAndTextThenStillServes(string path, string body, HttpStatusCode status, string message)
    {
        await HttpAssert.ErrorAsync(await host.Http.PostAsync(new Uri(path, UriKind.Relative), Json(body)), status, message);
        await HttpAssert.OkJsonAsync(await host.Http.PostAsync(Infer, Json(GoodRequest)));
    }

    [Fact]
    public async Task Infer_UnknownModelWithMalformedBody_Answers404ThenStillServes()
    {
        var response = await host.Http.PostAsync(new Uri("/v2/models/no-such-model/infer", UriKind.Relative), Json("""{"inputs":[{"name":"""));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("""{"error":"unknown model 'no-such-model'"}""", await response.Content.ReadAsStringAsync());
        await HttpAssert.OkJsonAsync(await host.Http.PostAsync(Infer, Json(GoodRequest)));
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-1")]
    [InlineData("100000")]
    public async Task Infer_BadHeaderLength_Answers400(string headerLength)
    {
        var content = Json(GoodRequest);
        content.Headers.Add("Inference-Header-Content-Length", headerLength);

        await HttpAssert.ErrorAsync(
            await host.Http.PostAsync(Infer, content),
            HttpStatusCode.BadRequest,
            $"Inference-Header-Content-Length '{headerLength}' must be a byte count no larger than the body ({GoodRequest.Length} bytes)");
    }

    [Fact]
    public async Task Infer_WrongMethod_AnswersErrorJson()
    {
        await HttpAssert.ErrorAsync(await host.Http.GetAsync(Infer), HttpStatusCode.NotFound, "no v2 endpoint GET /v2/models/iris-mlp/infer");
    }

    public static TheoryData<int, string> PaddingsAndFramings()
    {
        var data = new TheoryData<int, string>();
        foreach (var framing in new[] { "sized", "chunked", "gzip" })
        {
            for (var padding = 0; padding < 8; padding++)
            {
                data.Add(padding, framing);
            }
        }

        return data;
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static byte[] Compress(byte[] data, string encoding)
    {
        using var output = new MemoryStream();
        using (Stream compressor = encoding switch
        {
            "gzip" => new GZipStream(output, CompressionLevel.Fastest),
            "deflate" => new ZLibStream(output, CompressionLevel.Fastest),
            _ => new BrotliStream(output, CompressionLevel.Fastest),
        })
        {
            compressor.Write(data);
        }

        return output.ToArray();
    }
}

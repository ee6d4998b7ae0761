using System.Net;
using System.Text.Json;
using InferenceHost.Api.Tests.Hosting;
using InferenceHost.ModelBuilder;

namespace InferenceHost.Api.Tests.Admin.Versions;

/// <summary>
/// <c>POST /admin/v1/models/{model}/versions</c> on the real host: a valid file becomes a version that serves and can be
/// deployed; anything else is refused with a clear 4xx, and nothing changes. Tests share the host, each with version ids of its own.
/// </summary>
[Collection(VersionsHostCollection.Name)]
public sealed class VersionUploadEndpointTests(VersionsHostFixture host)
{
    private const string Iris = IrisMlpReference.ModelName;

    [Fact]
    public async Task Upload_CopyOfAVersion_Is201ServesAndCanBeDeployed()
    {
        var response = await VersionRequests.UploadAsync(host.Http, VersionsHostFixture.Token, Iris, "4", VersionRequests.SampleModel(Iris, 2));

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        Assert.Equal("/admin/v1/models/iris-mlp/versions/4", response.Headers.Location?.OriginalString);
        using var created = JsonDocument.Parse(body);
        Assert.Equal(("iris-mlp", "4", true), (created.RootElement.GetProperty("model").GetString(), created.RootElement.GetProperty("version").GetString(), created.RootElement.GetProperty("ready").GetBoolean()));
        var silo = Assert.Single(created.RootElement.GetProperty("silos").EnumerateArray());
        Assert.Equal(("READY", ""), (silo.GetProperty("state").GetString(), silo.GetProperty("reason").GetString()));

        var inferred = await HttpAssert.OkJsonAsync(await VersionRequests.InferIrisAsync(host.Http, "4"));
        Assert.Equal("4", inferred.GetProperty("model_version").GetString());
        Assert.Equal("[2]", inferred.GetProperty("outputs").EnumerateArray().Single(o => o.GetProperty("name").GetString() == "label").GetProperty("data").GetRawText());

        var deployed = await HttpAssert.OkJsonAsync(await host.Admin.PutDeploymentAsync(
            Iris, """{"active": "blue", "slots": {"blue": {"version": "1", "weight": 90}, "canary": {"version": "4", "weight": 10}}}"""));
        Assert.Equal("4", deployed.GetProperty("slots").GetProperty("canary").GetProperty("version").GetString());

        var models = await HttpAssert.OkJsonAsync(await host.Admin.SendAsync(HttpMethod.Get, "/admin/v1/models"));
        Assert.Contains("4", VersionRequests.ListedVersions(models, Iris));
        var upload = (await host.Admin.AuditAsync(Iris)).Last(e => e.GetProperty("action").GetString() == "upload");
        Assert.Equal(VersionsHostFixture.Principal, upload.GetProperty("actor").GetString());
        Assert.StartsWith("version 4 (", upload.GetProperty("after").GetString(), StringComparison.Ordinal);
        Assert.Empty(host.StagedUploads());
    }

    [Fact]
    public async Task GetVersion_Uploaded_ListsItsStateOnEverySilo()
    {
        Assert.Equal(HttpStatusCode.Created, (await VersionRequests.UploadAsync(host.Http, VersionsHostFixture.Token, Iris, "12", VersionRequests.SampleModel(Iris, 3))).StatusCode);

        var json = await HttpAssert.OkJsonAsync(await host.Admin.SendAsync(HttpMethod.Get, "/admin/v1/models/iris-mlp/versions/12"));

        Assert.True(json.GetProperty("ready").GetBoolean());
        Assert.Equal("READY", Assert.Single(json.GetProperty("silos").EnumerateArray()).GetProperty("state").GetString());
        await HttpAssert.ErrorAsync(
            await host.Admin.SendAsync(HttpMethod.Get, "/admin/v1/models/iris-mlp/versions/13"), HttpStatusCode.NotFound, "model 'iris-mlp' has no version '13'");
    }

    [Fact]
    public async Task Upload_Garbage_Is400CannotLoadAndChangesNothing()
    {
        var response = await VersionRequests.UploadAsync(host.Http, VersionsHostFixture.Token, Iris, "9", "this is not an ONNX model"u8.ToArray());

        var message = await HttpAssert.ErrorMessageAsync(response, HttpStatusCode.BadRequest);
        Assert.StartsWith("ONNX Runtime cannot load the uploaded file: ", message, StringComparison.Ordinal);
        await AssertAbsentAsync("9");
    }

    [Fact]
    public async Task Upload_ModelWithAnotherSignature_Is400NamingTheMismatchAndChangesNothing()
    {
        var response = await VersionRequests.UploadAsync(
            host.Http, VersionsHostFixture.Token, Iris, "10", VersionRequests.SampleModel(DtypeEchoReference.ModelName, 1));

        var message = await HttpAssert.ErrorMessageAsync(response, HttpStatusCode.BadRequest);
        Assert.StartsWith("model does not match its config: ", message, StringComparison.Ordinal);
        Assert.Contains("config input 'input' is not in the graph", message, StringComparison.Ordinal);
        await AssertAbsentAsync("10");
    }

    [Fact]
    public async Task Upload_ExistingVersion_Is409AndLeavesItAsItWas()
    {
        var before = await File.ReadAllBytesAsync(Path.Combine(host.VersionFolder(Iris, "1"), "model.onnx"));

        var response = await VersionRequests.UploadAsync(host.Http, VersionsHostFixture.Token, Iris, "1", VersionRequests.SampleModel(Iris, 2));

        await HttpAssert.ErrorAsync(response, HttpStatusCode.Conflict, "model 'iris-mlp' already has version '1'; delete it first or upload under another id");
        Assert.Equal(before, await File.ReadAllBytesAsync(Path.Combine(host.VersionFolder(Iris, "1"), "model.onnx")));
        Assert.Empty(host.StagedUploads());
    }

    [Fact]
    public async Task Upload_NoToken_Is401AndChangesNothing()
    {
        var response = await VersionRequests.UploadAsync(host.Http, token: null, Iris, "11", VersionRequests.SampleModel(Iris, 2));

        await HttpAssert.ErrorAsync(response, HttpStatusCode.Unauthorized, "missing bearer token");
        await AssertAbsentAsync("11");
    }

    [Theory]
    [InlineData("no-such-model", "1", HttpStatusCode.NotFound, "unknown model 'no-such-model': versions are uploaded to models the repository already holds")]
    [InlineData(Iris, "0", HttpStatusCode.BadRequest, "'0' is not a valid version id: use a positive integer of up to 18 digits, without leading zeros")]
    [InlineData(Iris, "..", HttpStatusCode.BadRequest, "'..' is not a valid version id: use a positive integer of up to 18 digits, without leading zeros")]
    [InlineData("bad%20model", "1", HttpStatusCode.BadRequest, "'bad model' is not a valid model id: use 1 to 128 ASCII letters, digits, '-', '_' or '.', starting with a letter or digit")]
    public async Task Upload_BadTarget_IsRefusedBeforeTheBodyIsKept(string model, string version, HttpStatusCode status, string message)
    {
        var response = await VersionRequests.UploadAsync(host.Http, VersionsHostFixture.Token, model, version, VersionRequests.SampleModel(Iris, 2));

        await HttpAssert.ErrorAsync(response, status, message);
        Assert.Empty(host.StagedUploads());
    }

    [Fact]
    public async Task Upload_RequestProblems_AreRefusedWithTheirStatus()
    {
        var model = VersionRequests.SampleModel(Iris, 2);

        await HttpAssert.ErrorAsync(
            await VersionRequests.UploadAsync(host.Http, VersionsHostFixture.Token, Iris, null, model),
            HttpStatusCode.BadRequest,
            "name the new version's id once in the query: POST /admin/v1/models/iris-mlp/versions?version=<id>");
        await HttpAssert.ErrorAsync(
            await VersionRequests.UploadAsync(host.Http, VersionsHostFixture.Token, Iris, "14", model, "application/json"),
            HttpStatusCode.UnsupportedMediaType,
            "the model file must be sent as application/octet-stream");
        await HttpAssert.ErrorAsync(
            await VersionRequests.UploadAsync(host.Http, VersionsHostFixture.Token, Iris, "14", new byte[VersionsHostFixture.MaxUploadBytes + 1]),
            HttpStatusCode.RequestEntityTooLarge,
            $"the request body exceeds the limit of {VersionsHostFixture.MaxUploadBytes} bytes");
        await HttpAssert.ErrorAsync(
            await VersionRequests.UploadAsync(host.Http, VersionsHostFixture.Token, Iris, "14", []),
            HttpStatusCode.BadRequest,
            "the request body is empty; send the version's ONNX file");
        await AssertAbsentAsync("14");
    }

    /// <summary>No folder, not listed, not served, nothing staged.</summary>
    private async Task AssertAbsentAsync(string version)
    {
        Assert.False(Directory.Exists(host.VersionFolder(Iris, version)));
        var models = await HttpAssert.OkJsonAsync(await host.Admin.SendAsync(HttpMethod.Get, "/admin/v1/models"));
        Assert.DoesNotContain(version, VersionRequests.ListedVersions(models, Iris));
        Assert.Equal(HttpStatusCode.NotFound, (await VersionRequests.InferIrisAsync(host.Http, version)).StatusCode);
        Assert.Empty(host.StagedUploads());
    }
}

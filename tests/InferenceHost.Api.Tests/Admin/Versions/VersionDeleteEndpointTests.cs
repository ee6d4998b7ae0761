using System.Net;
using InferenceHost.Api.Tests.Hosting;
using InferenceHost.ModelBuilder;

namespace InferenceHost.Api.Tests.Admin.Versions;

/// <summary><c>DELETE /admin/v1/models/{model}/versions/{version}</c> on the real host: refused while the version serves traffic.</summary>
[Collection(VersionsHostCollection.Name)]
public sealed class VersionDeleteEndpointTests(VersionsHostFixture host)
{
    private const string Iris = IrisMlpReference.ModelName;

    [Fact]
    public async Task Delete_VersionInTheDeployment_Is409AndItKeepsServing()
    {
        await UploadAsync("5");
        var deployed = await HttpAssert.OkJsonAsync(await host.Admin.PutDeploymentAsync(
            Iris, """{"active": "blue", "slots": {"blue": {"version": "1", "weight": 100}, "green": {"version": "5", "weight": 0}}}"""));

        var response = await host.Admin.SendAsync(HttpMethod.Delete, "/admin/v1/models/iris-mlp/versions/5");

        await HttpAssert.ErrorAsync(
            response,
            HttpStatusCode.Conflict,
            $"version '5' of model 'iris-mlp' serves traffic: its deployment at revision {deployed.GetProperty("revision").GetInt64()} names it as green; deploy without it first");
        Assert.True(Directory.Exists(host.VersionFolder(Iris, "5")));
        Assert.Equal(HttpStatusCode.OK, (await VersionRequests.InferIrisAsync(host.Http, "5")).StatusCode);
    }

    [Fact]
    public async Task Delete_UnusedVersion_Is204AndItIsGone()
    {
        await UploadAsync("6");

        var response = await host.Admin.SendAsync(HttpMethod.Delete, "/admin/v1/models/iris-mlp/versions/6");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.False(Directory.Exists(host.VersionFolder(Iris, "6")));
        await HttpAssert.ErrorAsync(await VersionRequests.InferIrisAsync(host.Http, "6"), HttpStatusCode.NotFound, "model 'iris-mlp' has no version '6'");
        var models = await HttpAssert.OkJsonAsync(await host.Admin.SendAsync(HttpMethod.Get, "/admin/v1/models"));
        Assert.DoesNotContain("6", VersionRequests.ListedVersions(models, Iris));
        var deletion = (await host.Admin.AuditAsync(Iris)).Last();
        Assert.Equal(
            ("delete", VersionsHostFixture.Principal, "version 6", "no version 6"),
            (deletion.GetProperty("action").GetString(), deletion.GetProperty("actor").GetString(), deletion.GetProperty("before").GetString(), deletion.GetProperty("after").GetString()));
    }

    [Fact]
    public async Task Delete_OnlyReadyVersionOfAModelWithNoDeployment_Is409()
    {
        var response = await host.Admin.SendAsync(HttpMethod.Delete, "/admin/v1/models/dtype-echo/versions/1");

        await HttpAssert.ErrorAsync(
            response,
            HttpStatusCode.Conflict,
            "version '1' is the only ready version of model 'dtype-echo', which serves it by default (nothing is deployed); upload another version first");
        Assert.True(Directory.Exists(host.VersionFolder("dtype-echo", "1")));
    }

    [Theory]
    [InlineData("/admin/v1/models/iris-mlp/versions/99", HttpStatusCode.NotFound, "model 'iris-mlp' has no version '99'")]
    [InlineData("/admin/v1/models/no-such-model/versions/1", HttpStatusCode.NotFound, "unknown model 'no-such-model'")]
    [InlineData("/admin/v1/models/iris-mlp/versions/x1", HttpStatusCode.BadRequest, "'x1' is not a valid version id: use a positive integer of up to 18 digits, without leading zeros")]
    public async Task Delete_NothingToDelete_IsRefused(string path, HttpStatusCode status, string message)
    {
        await HttpAssert.ErrorAsync(await host.Admin.SendAsync(HttpMethod.Delete, path), status, message);
    }

    [Fact]
    public async Task Delete_NoToken_Is401AndTheVersionStays()
    {
        var response = await host.AdminWithToken(null).SendAsync(HttpMethod.Delete, "/admin/v1/models/iris-mlp/versions/2");

        await HttpAssert.ErrorAsync(response, HttpStatusCode.Unauthorized, "missing bearer token");
        Assert.True(Directory.Exists(host.VersionFolder(Iris, "2")));
    }

    private async Task UploadAsync(string version)
    {
        var response = await VersionRequests.UploadAsync(host.Http, VersionsHostFixture.Token, Iris, version, VersionRequests.SampleModel(Iris, 3));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }
}

using System.Net;
using InferenceHost.Api.Tests.Hosting;

namespace InferenceHost.Api.Tests.Admin;

/// <summary>Every <c>/admin</c> endpoint needs the bearer token; a refused request changes nothing; inference stays open.</summary>
[Collection(AdminHostCollection.Name)]
public sealed class AdminAuthenticationTests(AdminHostFixture host)
{
    private const string Deployment = """
        {"active": "blue", "slots": {"blue": {"version": "2", "weight": 100}}}
        """;

    public static TheoryData<string, string> Endpoints => new()
    {
        { "GET", "/admin/v1/models" },
        { "GET", "/admin/v1/models/iris-mlp/deployment" },
        { "PUT", "/admin/v1/models/iris-mlp/deployment" },
        { "POST", "/admin/v1/models/iris-mlp/switch" },
        { "POST", "/admin/v1/models/iris-mlp/rollback" },
        { "GET", "/admin/v1/audit" },
        { "GET", "/admin/v1/openapi.json" },
        { "GET", "/admin/v1/no-such-endpoint" },
    };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task NoToken_Answers401WithBearerChallengeAndChangesNothing(string method, string path)
    {
        var response = await WithoutChangeAsync(() => host.AdminWithToken(null).SendAsync(new HttpMethod(method), path, BodyOf(method)));

        await HttpAssert.ErrorAsync(response, HttpStatusCode.Unauthorized, "missing bearer token");
        Assert.Equal("Bearer", Assert.Single(response.Headers.WwwAuthenticate).Scheme);
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task WrongToken_Answers403AndChangesNothing(string method, string path)
    {
        var response = await WithoutChangeAsync(
            () => host.AdminWithToken(AdminHostFixture.Token + "x").SendAsync(new HttpMethod(method), path, BodyOf(method)));

        await HttpAssert.ErrorAsync(response, HttpStatusCode.Forbidden, "invalid token");
    }

    [Fact]
    public async Task OtherScheme_Answers401()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/admin/v1/models/iris-mlp/switch", UriKind.Relative));
        request.Headers.Authorization = new("Basic", Convert.ToBase64String("admin:admin"u8));

        var response = await WithoutChangeAsync(() => host.Http.SendAsync(request));

        await HttpAssert.ErrorAsync(response, HttpStatusCode.Unauthorized, "missing bearer token");
    }

    [Fact]
    public async Task InferenceEndpoints_NeedNoToken()
    {
        Assert.Equal(HttpStatusCode.OK, (await host.Http.GetAsync(new Uri("/v2/models/iris-mlp", UriKind.Relative))).StatusCode);
    }

    private static string? BodyOf(string method) => method == "PUT" ? Deployment : null;

    private async Task<HttpResponseMessage> WithoutChangeAsync(Func<Task<HttpResponseMessage>> send)
    {
        var before = (await host.Admin.GetDeploymentAsync("iris-mlp")).GetRawText();
        var audited = (await host.Admin.AuditAsync("iris-mlp")).Length;

        var response = await send();

        Assert.Equal(before, (await host.Admin.GetDeploymentAsync("iris-mlp")).GetRawText());
        Assert.Equal(audited, (await host.Admin.AuditAsync("iris-mlp")).Length);
        return response;
    }
}

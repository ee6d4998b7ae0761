using System.Net;
using InferenceHost.Api.Tests.Dashboard;
using InferenceHost.Api.Tests.Hosting;

namespace InferenceHost.Api.Tests.Admin;

/// <summary>
/// With <c>InferenceHost:Admin:AnonymousReads</c> on, reads need no token (a read-only dashboard), while a wrong
/// token is still 403 and every change still needs the token.
/// </summary>
[Collection(DashboardHostCollection.Name)]
public sealed class AnonymousReadsTests(DashboardHostFixture host)
{
    public static TheoryData<string> Reads =>
    [
        "/admin/v1/models",
        "/admin/v1/models/iris-mlp/deployment",
        "/admin/v1/models/iris-mlp/rollout-policy",
        "/admin/v1/models/iris-mlp/telemetry?window=1m",
        "/admin/v1/models/iris-mlp/versions/1",
        "/admin/v1/audit?limit=5",
        "/admin/v1/openapi.json",
    ];

    public static TheoryData<string, string, string?> Changes => new()
    {
        { "PUT", "/admin/v1/models/iris-mlp/deployment", """{"active": "blue", "slots": {"blue": {"version": "2", "weight": 100}}}""" },
        { "POST", "/admin/v1/models/iris-mlp/switch", null },
        { "POST", "/admin/v1/models/iris-mlp/rollback", null },
        { "POST", "/admin/v1/models/iris-mlp/rollouts", """{"candidate": "3"}""" },
        { "POST", "/admin/v1/models/iris-mlp/rollout/abort", null },
        { "PUT", "/admin/v1/models/iris-mlp/rollout-policy", """{"steps": [50, 100]}""" },
        { "DELETE", "/admin/v1/models/iris-mlp/versions/1", null },
    };

    [Theory]
    [MemberData(nameof(Reads))]
    public async Task Read_WithoutAuthorizationHeader_IsAnswered(string path)
    {
        using var response = await host.AdminWithToken(null).SendAsync(HttpMethod.Get, path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Reads))]
    public async Task Read_WithWrongToken_Answers403(string path)
    {
        using var response = await host.AdminWithToken(DashboardHostFixture.Token + "x").SendAsync(HttpMethod.Get, path);

        await HttpAssert.ErrorAsync(response, HttpStatusCode.Forbidden, "invalid token");
    }

    [Fact]
    public async Task Read_WithOtherScheme_Answers401()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/admin/v1/models", UriKind.Relative));
        request.Headers.Authorization = new("Basic", Convert.ToBase64String("admin:admin"u8));

        using var response = await host.Http.SendAsync(request);

        await HttpAssert.ErrorAsync(response, HttpStatusCode.Unauthorized, "missing bearer token");
    }

    [Theory]
    [MemberData(nameof(Changes))]
    public async Task Change_WithoutToken_Answers401AndChangesNothing(string method, string path, string? body)
    {
        var deployment = (await host.Admin.GetDeploymentAsync("iris-mlp")).GetRawText();
        var audited = (await host.Admin.AuditAsync("iris-mlp")).Length;

        using var response = await host.AdminWithToken(null).SendAsync(new HttpMethod(method), path, body);

        await HttpAssert.ErrorAsync(response, HttpStatusCode.Unauthorized, "missing bearer token");
        Assert.Equal(deployment, (await host.Admin.GetDeploymentAsync("iris-mlp")).GetRawText());
        Assert.Equal(audited, (await host.Admin.AuditAsync("iris-mlp")).Length);
        Assert.Equal(HttpStatusCode.OK, (await host.Http.GetAsync(new Uri("/v2/models/iris-mlp/versions/1/ready", UriKind.Relative))).StatusCode);
    }
}

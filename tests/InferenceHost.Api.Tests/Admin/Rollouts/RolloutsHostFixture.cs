using System.Net;
using InferenceHost.Api.Tests.Admin.Versions;
using InferenceHost.Tests.Common;

namespace InferenceHost.Api.Tests.Admin.Rollouts;

/// <summary>
/// The real host with an admin token and grain state of its own: rollouts change deployments and policies,
/// so they never share a host with the deployment tests.
/// </summary>
public sealed class RolloutsHostFixture : InferenceHostFixture
{
    public const string Token = "rollouts-tests-token-0123456789";

    public const string Principal = "rollout-operator";

    public AdminClient Admin => new(Http, Token);

    /// <summary>A client with any token, or none.</summary>
    public AdminClient AdminWithToken(string? token) => new(Http, token);

    /// <summary>Sends <paramref name="times"/> one-flower requests to iris-mlp <paramref name="version"/> by URL, each answered.</summary>
    public async Task InferAsync(string version, int times)
    {
        for (var i = 0; i < times; i++)
        {
            using var response = await VersionRequests.InferIrisAsync(Http, version);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    protected override IEnumerable<string> ExtraArguments() =>
    [
        $"--InferenceHost:Admin:Token={Token}",
        $"--InferenceHost:Admin:Principal={Principal}",
    ];
}

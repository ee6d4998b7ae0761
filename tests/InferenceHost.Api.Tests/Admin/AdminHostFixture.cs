using InferenceHost.Tests.Common;

namespace InferenceHost.Api.Tests.Admin;

/// <summary>
/// The real host over the repository's models with a configured admin token and principal, and
/// grain state of its own: the admin tests change deployments, so they never share a host with
/// tests that expect the default version to serve.
/// </summary>
public sealed class AdminHostFixture : InferenceHostFixture
{
    public const string Token = "admin-tests-token-0123456789";

    public const string Principal = "test-operator";

    /// <summary>A client that sends <see cref="Token"/>.</summary>
    public AdminClient Admin => new(Http, Token);

    /// <summary>A client with any token, or none.</summary>
    public AdminClient AdminWithToken(string? token) => new(Http, token);

    protected override IEnumerable<string> ExtraArguments() =>
    [
        $"--InferenceHost:Admin:Token={Token}",
        $"--InferenceHost:Admin:Principal={Principal}",
    ];
}

using InferenceHost.Api.Tests.Admin;
using InferenceHost.Tests.Common;

namespace InferenceHost.Api.Tests.Dashboard;

/// <summary>
/// The real host with an admin token, anonymous reads on (a read-only dashboard needs no token) and grain
/// state of its own: the dashboard's actions change deployments and rollouts.
/// </summary>
public sealed class DashboardHostFixture : InferenceHostFixture
{
    public const string Token = "dashboard-tests-token-0123456789";

    public const string Principal = "dashboard-operator";

    /// <summary>A client that sends <see cref="Token"/>.</summary>
    public AdminClient Admin => new(Http, Token);

    /// <summary>A client with any token, or none.</summary>
    public AdminClient AdminWithToken(string? token) => new(Http, token);

    protected override IEnumerable<string> ExtraArguments() =>
    [
        $"--InferenceHost:Admin:Token={Token}",
        $"--InferenceHost:Admin:Principal={Principal}",
        "--InferenceHost:Admin:AnonymousReads=true",
    ];
}

namespace InferenceHost.Api.Tests.Dashboard;

/// <summary>
/// One <see cref="DashboardHostFixture"/> shared by the dashboard's tests and the anonymous-read tests; they
/// run one at a time, so a browser scenario never sees another test's change half made.
/// </summary>
[CollectionDefinition(Name)]
public sealed class DashboardHostCollection : ICollectionFixture<DashboardHostFixture>
{
    public const string Name = "Dashboard host";
}

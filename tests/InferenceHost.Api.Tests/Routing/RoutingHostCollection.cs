using InferenceHost.Tests.Common;

namespace InferenceHost.Api.Tests.Routing;

/// <summary>
/// A real host of its own for the routing tests: they change the deployment of <c>iris-mlp</c>,
/// which the shared API host's tests expect to serve its default version.
/// </summary>
[CollectionDefinition(Name)]
public sealed class RoutingHostCollection : ICollectionFixture<InferenceHostFixture>
{
    public const string Name = "Routing host";
}

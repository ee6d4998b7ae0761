namespace InferenceHost.Api.Tests.Integration;

/// <summary>One real host shared by the integration test classes.</summary>
[CollectionDefinition(Name)]
public sealed class RealHostCollection : ICollectionFixture<ApiHostIntegrationFixture>
{
    public const string Name = "real host";
}

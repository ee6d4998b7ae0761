namespace InferenceHost.Api.Tests.Hosting;

/// <summary>One <see cref="ApiHostFixture"/> shared by the endpoint test classes.</summary>
[CollectionDefinition(Name)]
public sealed class ApiHostCollection : ICollectionFixture<ApiHostFixture>
{
    public const string Name = "API host";
}

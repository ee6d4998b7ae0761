namespace InferenceHost.Api.Tests.Hosting;

/// <summary>One <see cref="ApiHostFixture"/>, a real host, shared by every endpoint test class.</summary>
[CollectionDefinition(Name)]
public sealed class ApiHostCollection : ICollectionFixture<ApiHostFixture>
{
    public const string Name = "API host";
}

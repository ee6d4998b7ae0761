namespace InferenceHost.Api.Tests.Admin;

/// <summary>One <see cref="AdminHostFixture"/> shared by the admin endpoint tests, which run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class AdminHostCollection : ICollectionFixture<AdminHostFixture>
{
    public const string Name = "Admin host";
}

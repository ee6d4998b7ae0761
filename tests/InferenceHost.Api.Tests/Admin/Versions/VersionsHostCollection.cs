namespace InferenceHost.Api.Tests.Admin.Versions;

/// <summary>One <see cref="VersionsHostFixture"/> shared by the version endpoint tests, which run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class VersionsHostCollection : ICollectionFixture<VersionsHostFixture>
{
    public const string Name = "Versions host";
}

namespace InferenceHost.Cli.Tests;

/// <summary>One <see cref="CliHostFixture"/> shared by the tests that call a host; they run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class CliHostCollection : ICollectionFixture<CliHostFixture>
{
    public const string Name = "CLI host";
}

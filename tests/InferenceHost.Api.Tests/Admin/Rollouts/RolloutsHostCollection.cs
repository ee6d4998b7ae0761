namespace InferenceHost.Api.Tests.Admin.Rollouts;

/// <summary>One <see cref="RolloutsHostFixture"/> shared by the REST and gRPC rollout and telemetry tests, which run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class RolloutsHostCollection : ICollectionFixture<RolloutsHostFixture>
{
    public const string Name = "Rollouts host";
}

using Xunit;

namespace InferenceHost.Silo.Tests.Cluster;

/// <summary>
/// Tests that run a cluster of silo processes, one cluster at a time: three silos under load already fill
/// this machine's cores, and two clusters at once would make each other's timings (drain, failover) flaky.
/// </summary>
[CollectionDefinition(Name)]
public sealed class SiloProcessCollection
{
    public const string Name = "silo processes";
}

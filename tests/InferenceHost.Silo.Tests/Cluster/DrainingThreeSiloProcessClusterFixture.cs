namespace InferenceHost.Silo.Tests.Cluster;

/// <summary>Three silo processes that drain for <see cref="DrainPeriod"/> when stopped: long enough for a balancer polling readiness, short enough for a test.</summary>
public sealed class DrainingThreeSiloProcessClusterFixture : ThreeSiloProcessClusterFixture
{
    public static readonly TimeSpan DrainPeriod = TimeSpan.FromSeconds(2);

    protected override IEnumerable<string> ExtraArguments() => [$"--InferenceHost:Endpoints:DrainPeriod={DrainPeriod}"];
}

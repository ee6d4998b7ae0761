using InferenceHost.Tests.Common;

namespace InferenceHost.Silo.Tests.Cluster;

/// <summary>The embedded default with a drain period short enough for a test to wait out.</summary>
public sealed class DrainingHostFixture : InferenceHostFixture
{
    public static readonly TimeSpan DrainPeriod = TimeSpan.FromSeconds(2);

    protected override IEnumerable<string> ExtraArguments() => [$"--InferenceHost:Endpoints:DrainPeriod={DrainPeriod}"];
}

using InferenceHost.Tests.Common;

namespace InferenceHost.Api.Tests.Telemetry;

/// <summary>
/// A host of its own for the <c>/metrics</c> tests, run after every other collection. Meters are
/// process-wide, so a scrape in a process with several hosts would show all of their series; with
/// the others stopped, it shows exactly this host's, as in production (one host a process).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MetricsHostCollection : ICollectionFixture<InferenceHostFixture>
{
    public const string Name = "Metrics host";
}

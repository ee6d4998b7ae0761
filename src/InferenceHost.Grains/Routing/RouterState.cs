using InferenceHost.Abstractions.Routing;

namespace InferenceHost.Grains.Routing;

/// <summary>What a router grain persists: the current table and the deployments before it, for rollback.</summary>
[GenerateSerializer, Alias("InferenceHost.RouterState")]
public sealed class RouterState
{
    /// <summary>How many earlier deployments are kept for rollback.</summary>
    public const int HistoryLimit = 50;

    /// <summary>The current table; null until the first change.</summary>
    [Id(0)]
    public RouteTable? Current { get; set; }

    /// <summary>Earlier deployments, oldest first; null entries stand for "the default version".</summary>
    [Id(1)]
    public List<Deployment?> Previous { get; set; } = [];
}

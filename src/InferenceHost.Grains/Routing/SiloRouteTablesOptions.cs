namespace InferenceHost.Grains.Routing;

/// <summary>
/// How a silo keeps its cached route tables fresh (<see cref="SiloRouteTables"/>), bound from
/// <c>InferenceHost:Routing</c> (the section the v2 endpoints' routing options share) and validated at start.
/// </summary>
public sealed class SiloRouteTablesOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "InferenceHost:Routing";

    /// <summary>Shortest accepted <see cref="PollInterval"/>: 50 ms.</summary>
    public static readonly TimeSpan MinPollInterval = TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// Longest accepted <see cref="PollInterval"/>: 30 s, half the router's subscription expiry
    /// (1 minute), so a silo re-subscribes before its subscription lapses.
    /// </summary>
    public static readonly TimeSpan MaxPollInterval = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How often every cached table is fetched again and the silo re-subscribes to its changes.
    /// Pushes make a change visible at once; polling heals a push that was lost. Default 2 s; 50 ms to 30 s.
    /// </summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);
}

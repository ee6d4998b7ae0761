namespace InferenceHost.Api.Routing;

/// <summary>
/// Per-request routing and shadow traffic at the v2 endpoints, bound from <c>InferenceHost:Routing</c>
/// and validated at start (<see cref="RoutingOptionsValidator"/>). The silo's route table cache
/// reads its poll interval from the same section.
/// </summary>
public sealed class RoutingOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "InferenceHost:Routing";

    /// <summary>Largest accepted <see cref="MaxShadowInFlight"/>.</summary>
    public const int MaxShadowInFlightLimit = 100_000;

    /// <summary>Largest accepted <see cref="ShadowPairCapacity"/>.</summary>
    public const int ShadowPairCapacityLimit = 1_000_000;

    /// <summary>
    /// The request-level v2 parameter (JSON <c>parameters</c>, gRPC <c>parameters</c>) whose string or
    /// integer value is the sticky routing key when the <c>x-routing-key</c> header is absent.
    /// Default <c>routing_key</c>; not empty.
    /// </summary>
    public string StickyParameter { get; set; } = "routing_key";

    /// <summary>
    /// Most shadow requests running at once on this silo; a mirror beyond it is dropped (and counted),
    /// so shadow traffic can never pile up behind a slow shadow version. Default 64; 1 to 100,000.
    /// </summary>
    public int MaxShadowInFlight { get; set; } = 64;

    /// <summary>Shadow pairs kept per model on this silo, newest first out. Default 1000; 1 to 1,000,000.</summary>
    public int ShadowPairCapacity { get; set; } = 1000;
}

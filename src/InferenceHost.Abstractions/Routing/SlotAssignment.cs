namespace InferenceHost.Abstractions.Routing;

/// <summary>The version a serving slot holds and its share of traffic.</summary>
/// <param name="Version">Model version id.</param>
/// <param name="Weight">Percent of requests, 0 to 100; the serving slots' weights sum to 100.</param>
[GenerateSerializer, Immutable, Alias("InferenceHost.SlotAssignment")]
public sealed record SlotAssignment(
    [property: Id(0)] string Version,
    [property: Id(1)] int Weight);

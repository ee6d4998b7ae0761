namespace InferenceHost.Abstractions.Routing;

/// <summary>A version that receives a copy of some requests, off the response path.</summary>
/// <param name="Version">Model version id.</param>
/// <param name="Percent">Percent of requests mirrored to it, 0 to 100.</param>
[GenerateSerializer, Immutable, Alias("InferenceHost.ShadowAssignment")]
public sealed record ShadowAssignment(
    [property: Id(0)] string Version,
    [property: Id(1)] int Percent);

namespace InferenceHost.Abstractions.Repository;

/// <summary>A version that was added to or removed from the shared repository.</summary>
/// <param name="Model">Model name.</param>
/// <param name="Version">Version id.</param>
/// <param name="Kind">Added or removed.</param>
[GenerateSerializer, Immutable, Alias("InferenceHost.RepositoryChange")]
public sealed record RepositoryChange(
    [property: Id(0)] string Model,
    [property: Id(1)] string Version,
    [property: Id(2)] RepositoryChangeKind Kind);

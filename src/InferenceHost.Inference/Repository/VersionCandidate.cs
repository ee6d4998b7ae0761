namespace InferenceHost.Inference.Repository;

/// <summary>A version about to be added to a model: how to validate it, and what the model would serve with it.</summary>
/// <param name="Source">The new version with the model's config, its file where it waits (staged).</param>
/// <param name="ServedAfter">The versions the model's version policy would serve once the new one is in, ascending.</param>
public sealed record VersionCandidate(VersionSource Source, IReadOnlyList<string> ServedAfter)
{
    /// <summary>True when the model's version policy would serve the new version at all.</summary>
    public bool IsServed => ServedAfter.Contains(Source.Version);
}

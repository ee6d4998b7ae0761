namespace InferenceHost.Inference.Repository;

/// <summary>
/// Which versions of a model to load: exactly one of <see cref="All"/>, <see cref="Latest"/>
/// or <see cref="Specific"/>. Absent means the latest one, as in Triton.
/// </summary>
public sealed record VersionPolicyConfig
{
    public bool? All { get; init; }

    public int? Latest { get; init; }

    public IReadOnlyList<string>? Specific { get; init; }
}

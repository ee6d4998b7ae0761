namespace InferenceHost.Abstractions.Models;

/// <summary>Lifecycle of one model version on a silo (the states Triton's repository index reports).</summary>
public enum ModelVersionState
{
    /// <summary>Being loaded, validated and warmed up.</summary>
    Loading,

    /// <summary>Validated and serving.</summary>
    Ready,

    /// <summary>Failed to load or validate; <see cref="ModelVersionStatus.Reason"/> says why.</summary>
    Unavailable,
}

namespace InferenceHost.Abstractions.Routing;

/// <summary>Why a management operation was refused; each maps to one HTTP status.</summary>
public enum DeploymentErrorKind
{
    /// <summary>The request breaks a rule (weights, slots, names): 400.</summary>
    Invalid,

    /// <summary>The model or version does not exist: 404.</summary>
    NotFound,

    /// <summary>The state changed underneath (revision mismatch) or forbids it (version serving): 409.</summary>
    Conflict,
}

using InferenceHost.Abstractions.Inference;

namespace InferenceHost.Abstractions.Models;

/// <summary>
/// The models and versions loaded on this silo, answered locally (no grain call):
/// metadata, readiness and version resolution sit next to every request.
/// </summary>
public interface IModelDirectory
{
    /// <summary>True once the repository scan finished and every version settled (ready or unavailable).</summary>
    bool IsSettled { get; }

    /// <summary>Every version of every model the repository holds, in model then version order.</summary>
    IReadOnlyList<ModelVersionStatus> ListVersions();

    /// <summary>Ready version ids of a model in ascending order; empty when none or unknown.</summary>
    IReadOnlyList<string> ReadyVersions(string model);

    /// <summary>True when the model (or the given version of it) can serve now.</summary>
    bool IsReady(string model, string? version);

    /// <summary>
    /// The ready version a request goes to: the given one, or the default (highest ready)
    /// version when <paramref name="version"/> is null.
    /// </summary>
    /// <exception cref="InferenceException">Unknown model or version (NotFound), or not ready (Unavailable).</exception>
    ModelVersionInfo Resolve(string model, string? version);
}

using System.Text.Json;

namespace InferenceHost.Inference.Repository;

/// <summary>
/// A request run after warm-up whose outputs must equal what the config expects, within
/// <see cref="Tolerance"/>; any mismatch rejects the version before it may take traffic.
/// </summary>
public sealed record SmokeTest
{
    /// <summary>The absolute tolerance when the config gives none.</summary>
    public const double DefaultTolerance = 1e-5;

    /// <summary>Shown in logs and errors.</summary>
    public string Name { get; init; } = "smoke";

    /// <summary>How many times the one item in <see cref="Inputs"/> is repeated along the batch dimension, as in warm-up.</summary>
    public int BatchSize { get; init; } = 1;

    /// <summary>Per input, the flattened data of one batch item (the whole tensor when the model does not batch).</summary>
    public Dictionary<string, JsonElement> Inputs { get; init; } = [];

    /// <summary>
    /// Per output, the flattened data expected: the whole output, or one batch item's, which every item must then equal.
    /// Outputs not named are not checked.
    /// </summary>
    public Dictionary<string, JsonElement> Expected { get; init; } = [];

    /// <summary>Largest absolute difference accepted between an expected and an actual number; text must be equal.</summary>
    public double Tolerance { get; init; } = DefaultTolerance;
}

using System.Text.Json;

namespace InferenceHost.Inference.Repository;

/// <summary>A warm-up request run before a version may serve.</summary>
public sealed record WarmupSample
{
    /// <summary>Shown in logs and errors.</summary>
    public string Name { get; init; } = "warmup";

    /// <summary>How many times the one item in <see cref="Inputs"/> is repeated along the batch dimension.</summary>
    public int BatchSize { get; init; } = 1;

    /// <summary>Per input, the flattened data of one batch item (numbers, booleans or strings).</summary>
    public Dictionary<string, JsonElement> Inputs { get; init; } = [];
}

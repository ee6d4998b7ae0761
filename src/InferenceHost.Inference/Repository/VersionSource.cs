namespace InferenceHost.Inference.Repository;

/// <summary>A version the repository scan chose to load.</summary>
/// <param name="Model">Model name.</param>
/// <param name="Version">Version id (its folder name).</param>
/// <param name="ModelPath">Path of its <c>model.onnx</c>.</param>
/// <param name="Config">The model's config with this version's overrides applied.</param>
/// <param name="ConfigError">Why the config could not be read; the version cannot load while set.</param>
public sealed record VersionSource(string Model, string Version, string ModelPath, ModelConfig Config, string? ConfigError);

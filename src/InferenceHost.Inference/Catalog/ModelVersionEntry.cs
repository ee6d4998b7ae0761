using InferenceHost.Inference.Execution;

namespace InferenceHost.Inference.Catalog;

/// <summary>One version in the catalog: its state and, when ready, its loaded session.</summary>
/// <param name="Model">Model name.</param>
/// <param name="Version">Version id.</param>
/// <param name="State">Lifecycle state.</param>
/// <param name="Reason">Why it is not ready; empty when ready.</param>
/// <param name="Loaded">The loaded version when <see cref="State"/> is Ready.</param>
public sealed record ModelVersionEntry(string Model, string Version, VersionState State, string Reason, LoadedModel? Loaded);

using System.Runtime.CompilerServices;
using InferenceHost.Abstractions.Inference;
using InferenceHost.Abstractions.Models;
using InferenceHost.Grains.Placement;
using InferenceHost.Inference.Catalog;
using InferenceHost.Inference.Execution;
using InferenceHost.Tensors;

namespace InferenceHost.Grains.Serving;

/// <summary>
/// This silo's <see cref="IModelDirectory"/>, answered from the catalog snapshot without locks or grain calls. A
/// version this silo cannot serve, but another active silo can, resolves to that silo (<see cref="ModelVersionInfo.ServedBy"/>).
/// </summary>
public sealed class SiloModelDirectory(ModelCatalog catalog, ClusterPlacementView elsewhere) : IModelDirectory
{
    public const string Platform = "onnxruntime_onnx";

    // Metadata is built once per loaded version, not per request.
    private readonly ConditionalWeakTable<LoadedModel, ModelVersionInfo> _infos = [];

    public bool IsSettled => catalog.IsSettled;

    public IReadOnlyList<ModelVersionStatus> ListVersions() =>
        [.. catalog.Snapshot.All.Select(e => new ModelVersionStatus(e.Model, e.Version, ToState(e.State), e.Reason) { Device = e.Loaded is { } loaded ? DeviceOf(loaded) : null })];

    /// <summary>The signatures of this silo's ready versions, for the silos that forward to it.</summary>
    public IReadOnlyList<ModelVersionInfo> ReadyHere(SiloAddress self) =>
        [.. catalog.Snapshot.All.Where(static e => e.Loaded is not null).Select(e => Info(e.Loaded!) with { ServedBy = self })];

    public IReadOnlyList<string> ReadyVersions(string model) =>
        [.. catalog.Snapshot.VersionsOf(model).Where(e => e.State == VersionState.Ready).Select(e => e.Version)
            .Union(elsewhere.ReadyVersions(model)).Order(VersionIdComparer.Instance)];

    public bool IsReady(string model, string? version)
    {
        var snapshot = catalog.Snapshot;
        return version is null
            ? snapshot.DefaultVersion(model) is not null || elsewhere.HasModel(model)
            : (snapshot.TryGet(model, version, out var entry) && entry.State == VersionState.Ready) || elsewhere.Find(model, version) is not null;
    }

    public ModelVersionInfo Resolve(string model, string? version)
    {
        var snapshot = catalog.Snapshot;
        if (!snapshot.HasModel(model))
        {
            return ResolveElsewhere(model, version) ?? throw InferenceException.NotFound($"unknown model '{model}'");
        }

        ModelVersionEntry? entry;
        if (version is null)
        {
            entry = snapshot.DefaultVersion(model);
            if (entry is null)
            {
                return ResolveElsewhere(model, null) ?? throw InferenceException.Unavailable($"model '{model}' has no ready version");
            }
        }
        else if (!snapshot.TryGet(model, version, out entry))
        {
            return elsewhere.Find(model, version) ?? throw InferenceException.NotFound($"model '{model}' has no version '{version}'");
        }

        return entry.Loaded is { } loaded
            ? Info(loaded)
            : elsewhere.Find(model, entry.Version)
                ?? throw InferenceException.Unavailable($"model '{model}' version '{entry.Version}' is not ready: {entry.Reason}");
    }

    /// <summary>A version ready only on other silos; without one named, the highest of them.</summary>
    private ModelVersionInfo? ResolveElsewhere(string model, string? version) =>
        version is not null
            ? elsewhere.Find(model, version)
            : elsewhere.ReadyVersions(model).Order(VersionIdComparer.Instance).LastOrDefault() is { } highest ? elsewhere.Find(model, highest) : null;

    private ModelVersionInfo Info(LoadedModel loaded) => _infos.GetValue(loaded, Describe);

    private static ModelVersionInfo Describe(LoadedModel loaded) => new(
        loaded.Model,
        loaded.Version,
        Platform,
        loaded.Signature.MaxBatchSize,
        [.. loaded.Signature.Inputs.Select(ToSpec)],
        [.. loaded.Signature.Outputs.Select(ToSpec)],
        DeviceOf(loaded),
        loaded.DeviceReason);

    private static string DeviceOf(LoadedModel loaded) => loaded.Device == ExecutionDevice.Gpu ? DeviceNames.Gpu : DeviceNames.Cpu;

    private static TensorSpec ToSpec(TensorSignature tensor) => new(tensor.Name, tensor.Datatype.ToName(), tensor.Shape);

    private static ModelVersionState ToState(VersionState state) => state switch
    {
        VersionState.Ready => ModelVersionState.Ready,
        VersionState.Loading => ModelVersionState.Loading,
        _ => ModelVersionState.Unavailable,
    };
}

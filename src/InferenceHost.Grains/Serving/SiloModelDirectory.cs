using System.Runtime.CompilerServices;
using InferenceHost.Abstractions.Inference;
using InferenceHost.Abstractions.Models;
using InferenceHost.Inference.Catalog;
using InferenceHost.Inference.Execution;
using InferenceHost.Tensors;

namespace InferenceHost.Grains.Serving;

/// <summary>This silo's <see cref="IModelDirectory"/>, answered from the catalog snapshot without locks or grain calls.</summary>
public sealed class SiloModelDirectory(ModelCatalog catalog) : IModelDirectory
{
    public const string Platform = "onnxruntime_onnx";

    // Metadata is built once per loaded version, not per request.
    private readonly ConditionalWeakTable<LoadedModel, ModelVersionInfo> _infos = [];

    public bool IsSettled => catalog.IsSettled;

    public IReadOnlyList<ModelVersionStatus> ListVersions() =>
        [.. catalog.Snapshot.All.Select(e => new ModelVersionStatus(e.Model, e.Version, ToState(e.State), e.Reason))];

    public IReadOnlyList<string> ReadyVersions(string model) =>
        [.. catalog.Snapshot.VersionsOf(model).Where(e => e.State == VersionState.Ready).Select(e => e.Version)];

    public bool IsReady(string model, string? version)
    {
        var snapshot = catalog.Snapshot;
        return version is null
            ? snapshot.DefaultVersion(model) is not null
            : snapshot.TryGet(model, version, out var entry) && entry.State == VersionState.Ready;
    }

    public ModelVersionInfo Resolve(string model, string? version)
    {
        var snapshot = catalog.Snapshot;
        if (!snapshot.HasModel(model))
        {
            throw InferenceException.NotFound($"unknown model '{model}'");
        }

        ModelVersionEntry? entry;
        if (version is null)
        {
            entry = snapshot.DefaultVersion(model)
                ?? throw InferenceException.Unavailable($"model '{model}' has no ready version");
        }
        else if (!snapshot.TryGet(model, version, out entry))
        {
            throw InferenceException.NotFound($"model '{model}' has no version '{version}'");
        }

        var loaded = entry.Loaded
            ?? throw InferenceException.Unavailable($"model '{model}' version '{entry.Version}' is not ready: {entry.Reason}");
        return _infos.GetValue(loaded, Describe);
    }

    private static ModelVersionInfo Describe(LoadedModel loaded) => new(
        loaded.Model,
        loaded.Version,
        Platform,
        loaded.Signature.MaxBatchSize,
        [.. loaded.Signature.Inputs.Select(ToSpec)],
        [.. loaded.Signature.Outputs.Select(ToSpec)],
        loaded.Device == ExecutionDevice.Gpu ? "gpu" : "cpu",
        loaded.DeviceReason);

    private static TensorSpec ToSpec(TensorSignature tensor) => new(tensor.Name, tensor.Datatype.ToName(), tensor.Shape);

    private static ModelVersionState ToState(VersionState state) => state switch
    {
        VersionState.Ready => ModelVersionState.Ready,
        VersionState.Loading => ModelVersionState.Loading,
        _ => ModelVersionState.Unavailable,
    };
}

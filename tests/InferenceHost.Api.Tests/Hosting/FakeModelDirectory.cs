using InferenceHost.Abstractions.Inference;
using InferenceHost.Abstractions.Models;

namespace InferenceHost.Api.Tests.Hosting;

/// <summary>
/// A fixed repository: <c>echo</c> (versions 1 and 2 ready, batching, on CPU), <c>broken</c>
/// (ready, but its replica fails) and <c>loading</c> (version 1 still loading).
/// </summary>
internal sealed class FakeModelDirectory : IModelDirectory
{
    public static readonly ModelVersionInfo Echo2 = new(
        "echo",
        "2",
        "onnxruntime_onnx",
        8,
        [new TensorSpec("input", "FP32", [-1, 4])],
        [new TensorSpec("input_out", "FP32", [-1, 4]), new TensorSpec("label", "INT64", [-1])],
        "cpu",
        "no CUDA device");

    private static readonly ModelVersionStatus[] Versions =
    [
        new("broken", "1", ModelVersionState.Ready, string.Empty),
        new("echo", "1", ModelVersionState.Ready, string.Empty),
        new("echo", "2", ModelVersionState.Ready, string.Empty),
        new("loading", "1", ModelVersionState.Loading, "warming up"),
    ];

    public bool IsSettled => true;

    public IReadOnlyList<ModelVersionStatus> ListVersions() => Versions;

    public IReadOnlyList<string> ReadyVersions(string model) =>
        Array.ConvertAll(Array.FindAll(Versions, v => v.Model == model && v.State == ModelVersionState.Ready), v => v.Version);

    public bool IsReady(string model, string? version) =>
        Array.Exists(Versions, v => v.Model == model && (version is null || v.Version == version) && v.State == ModelVersionState.Ready);

    public ModelVersionInfo Resolve(string model, string? version)
    {
        var known = Array.FindAll(Versions, v => v.Model == model && (version is null || v.Version == version));
        if (known.Length == 0)
        {
            throw InferenceException.NotFound(version is null ? $"unknown model '{model}'" : $"unknown version '{version}' of model '{model}'");
        }

        var chosen = known[^1];
        return chosen.State == ModelVersionState.Ready
            ? Echo2 with { Model = model, Version = chosen.Version }
            : throw InferenceException.Unavailable($"model '{model}' version {chosen.Version} is {chosen.State}: {chosen.Reason}");
    }
}

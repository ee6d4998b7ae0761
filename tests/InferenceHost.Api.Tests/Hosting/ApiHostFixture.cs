using InferenceHost.Inference.Catalog;
using InferenceHost.Inference.Execution;
using InferenceHost.ModelBuilder;
using InferenceHost.Tests.Common;
using Microsoft.Extensions.DependencyInjection;

namespace InferenceHost.Api.Tests.Hosting;

/// <summary>
/// The real host (silo, ONNX Runtime sessions, HTTP and gRPC) over a model repository of its own
/// under the temp folder: copies of <c>iris-mlp</c> (versions 1 to 3), <c>dtype-echo</c> and
/// <c>gather-lookup</c> (which fails while running on an out-of-range index), and
/// <see cref="BrokenModel"/>, whose only version is not an ONNX file and so loads as unavailable.
/// The body limit is lowered to <see cref="MaxRequestBodyBytes"/> so oversized requests are cheap.
/// </summary>
public sealed class ApiHostFixture : InferenceHostFixture
{
    public const long MaxRequestBodyBytes = 64 * 1024;

    public const string ServerVersion = "9.9.9";

    public const string BrokenModel = "broken";

    public string RepositoryPath { get; } = Path.Combine(Path.GetTempPath(), $"InferenceHost.Api.Tests-{Guid.NewGuid():N}");

    /// <summary>The file ONNX Runtime refuses, named in <see cref="BrokenModel"/>'s reason.</summary>
    public string BrokenModelPath => SampleModelWriter.ModelPath(RepositoryPath, BrokenModel, 1);

    /// <summary>Why <see cref="BrokenModel"/> version 1 is unavailable, as the host's catalog holds it.</summary>
    public string BrokenReason => Entry(BrokenModel, "1").Reason;

    public override async Task InitializeAsync()
    {
        CopyModel(IrisMlpReference.ModelName);
        CopyModel(DtypeEchoReference.ModelName);
        CopyModel(GatherLookupReference.ModelName);
        Directory.CreateDirectory(Path.GetDirectoryName(BrokenModelPath)!);
        await File.WriteAllBytesAsync(BrokenModelPath, "this is not an ONNX model"u8.ToArray());
        await base.InitializeAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(RepositoryPath, recursive: true);
    }

    /// <summary>A ready version as the host loaded it: its device depends on the machine, not on the test.</summary>
    public LoadedModel Loaded(string model, string version) =>
        Entry(model, version).Loaded ?? throw new InvalidOperationException($"{model} version {version} is not loaded");

    protected override IEnumerable<string> ExtraArguments() =>
    [
        $"--InferenceHost:Inference:RepositoryPath={RepositoryPath}",
        $"--InferenceHost:Api:MaxRequestBodyBytes={MaxRequestBodyBytes}",
        $"--InferenceHost:Api:ServerVersion={ServerVersion}",
    ];

    private ModelVersionEntry Entry(string model, string version) =>
        Services.GetRequiredService<ModelCatalog>().Snapshot.TryGet(model, version, out var entry)
            ? entry
            : throw new InvalidOperationException($"the host has no {model} version {version}");

    private void CopyModel(string model)
    {
        var source = Path.Combine(RepositoryPaths.Models, model);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(RepositoryPath, model, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}

using System.Globalization;
using Google.Protobuf;
using InferenceHost.Inference.Repository;
using InferenceHost.ModelBuilder;
using InferenceHost.ModelBuilder.Onnx;
using InferenceHost.Tests.Common;

namespace InferenceHost.Inference.Tests;

/// <summary>A model repository of its own under the temp folder, built file by file and deleted on dispose.</summary>
internal sealed class TempRepository : IDisposable
{
    public TempRepository()
    {
        Root = Path.Combine(Path.GetTempPath(), "InferenceHost.Inference.Tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    /// <summary>Copies <c>models/&lt;model&gt;/&lt;version&gt;/model.onnx</c> of this checkout in as <paramref name="asVersion"/>.</summary>
    public string CopyModel(string model, int version, int? asVersion = null)
    {
        var target = ModelPath(model, asVersion ?? version);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Copy(SampleModelWriter.ModelPath(RepositoryPaths.Models, model, version), target);
        return target;
    }

    public string WriteModel(string model, int version, ModelProto proto) => WriteModel(model, version, proto.ToByteArray());

    public string WriteModel(string model, int version, byte[] bytes)
    {
        var target = ModelPath(model, version);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.WriteAllBytes(target, bytes);
        return target;
    }

    /// <summary>Writes the model-level <c>config.json</c>; returns its path.</summary>
    public string WriteConfig(string model, string json) => WriteFile(json, model, ModelConfigReader.FileName);

    /// <summary>Writes a <c>config.json</c> inside one version folder; returns its path.</summary>
    public string WriteVersionConfig(string model, int version, string json) =>
        WriteFile(json, model, version.ToString(CultureInfo.InvariantCulture), ModelConfigReader.FileName);

    public string CreateFolder(params string[] parts)
    {
        var path = Path.Combine([Root, .. parts]);
        Directory.CreateDirectory(path);
        return path;
    }

    public string ModelPath(string model, int version) => SampleModelWriter.ModelPath(Root, model, version);

    public IReadOnlyList<VersionSource> Scan() => ModelRepositoryScanner.Scan(Root);

    public void Dispose() => Directory.Delete(Root, recursive: true);

    private string WriteFile(string text, params string[] parts)
    {
        var path = Path.Combine([Root, .. parts]);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }
}

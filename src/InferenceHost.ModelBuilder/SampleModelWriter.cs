using System.Globalization;
using Google.Protobuf;

namespace InferenceHost.ModelBuilder;

/// <summary>Writes every sample model into a models directory, replacing what is there.</summary>
public static class SampleModelWriter
{
    public static IReadOnlyList<ISampleModel> Models { get; } = [new IrisMlpModel(), new DtypeEchoModel(), new GatherLookupModel()];

    /// <summary>Writes all versions of all sample models; returns the paths written, in a fixed order.</summary>
    public static IReadOnlyList<string> WriteAll(string modelsDirectory)
    {
        var written = new List<string>();
        foreach (var model in Models)
        {
            foreach (var version in model.Versions)
            {
                var path = ModelPath(modelsDirectory, model.Name, version);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllBytes(path, model.Build(version).ToByteArray());
                written.Add(path);
            }
        }

        return written;
    }

    public static string ModelPath(string modelsDirectory, string modelName, int version) =>
        Path.Combine(modelsDirectory, modelName, version.ToString(CultureInfo.InvariantCulture), "model.onnx");
}

using System.Globalization;
using InferenceHost.Inference.Execution;
using InferenceHost.Tests.Common;

namespace InferenceHost.Inference.Tests;

/// <summary>
/// The committed sample models, loaded once per test class: iris-mlp 1..3 and dtype-echo from
/// models/, and dtype-echo again with <c>max_batch_size</c> 8 (each lane becomes a batch).
/// </summary>
public sealed class SampleModelsFixture : IDisposable
{
    public const string BatchedDtypeEcho = "dtype-echo-batched";

    private readonly TempRepository _batchedRepository = new();
    private readonly Dictionary<string, LoadedModel> _models = [];

    public SampleModelsFixture()
    {
        var loader = TestModels.NewLoader();
        foreach (var version in ModelBuilder.IrisMlpReference.Versions)
        {
            _models[Key(TestModels.Iris, version)] = loader.Load(RepositoryPaths.Models, TestModels.Iris, Version(version));
        }

        _models[TestModels.DtypeEcho] = loader.Load(RepositoryPaths.Models, TestModels.DtypeEcho, "1");
        _batchedRepository.CopyModel(TestModels.DtypeEcho, 1);
        _batchedRepository.WriteConfig(TestModels.DtypeEcho, """{ "max_batch_size": 8 }""");
        _models[BatchedDtypeEcho] = loader.LoadOnly(_batchedRepository, TestModels.DtypeEcho);
    }

    public LoadedModel Iris(int version) => _models[Key(TestModels.Iris, version)];

    public LoadedModel DtypeEcho => _models[TestModels.DtypeEcho];

    /// <summary>A model by name; iris-mlp means its version 1.</summary>
    public LoadedModel Get(string name) => name == TestModels.Iris ? Iris(1) : _models[name];

    public void Dispose()
    {
        foreach (var model in _models.Values)
        {
            model.Dispose();
        }

        _batchedRepository.Dispose();
    }

    private static string Key(string model, int version) => $"{model}/{Version(version)}";

    private static string Version(int version) => version.ToString(CultureInfo.InvariantCulture);
}

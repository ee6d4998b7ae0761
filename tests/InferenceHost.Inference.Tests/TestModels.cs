using InferenceHost.Inference.Catalog;
using InferenceHost.Inference.Execution;
using InferenceHost.Inference.Repository;
using InferenceHost.ModelBuilder;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using DataType = InferenceHost.ModelBuilder.Onnx.TensorProto.Types.DataType;

namespace InferenceHost.Inference.Tests;

/// <summary>Real loaders over real ONNX Runtime sessions, with the host's default options.</summary>
internal static class TestModels
{
    public const string Iris = IrisMlpReference.ModelName;
    public const string DtypeEcho = DtypeEchoReference.ModelName;

    public static SessionFactory NewSessionFactory() =>
        new(Options.Create(new InferenceOptions()), NullLogger<SessionFactory>.Instance);

    public static ModelLoader NewLoader() => new(NewSessionFactory());

    /// <summary>Scans <paramref name="repository"/> and loads the one version of <paramref name="model"/> it chose.</summary>
    public static LoadedModel LoadOnly(this ModelLoader loader, TempRepository repository, string model) =>
        loader.Load(repository.Scan().Single(s => s.Model == model));

    /// <summary>Loads one version of the scanned repository <paramref name="root"/>.</summary>
    public static LoadedModel Load(this ModelLoader loader, string root, string model, string version) =>
        loader.Load(ModelRepositoryScanner.Scan(root).Single(s => s.Model == model && s.Version == version));

    /// <summary>x [2,3] → Identity → y [2,3]: a graph whose first dimension is fixed, so it cannot batch.</summary>
    public static ModelBuilder.Onnx.ModelProto FixedShapeIdentity() =>
        new OnnxGraphBuilder("fixed")
            .Input("x", DataType.Float, 2, 3)
            .Output("y", DataType.Float, 2, 3)
            .Node("identity", "Identity", ["x"], ["y"])
            .ToModel(1, "A graph with no batch dimension.");
}

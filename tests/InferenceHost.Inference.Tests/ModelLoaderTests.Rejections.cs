using InferenceHost.Inference.Catalog;

namespace InferenceHost.Inference.Tests;

/// <summary>Versions that must not serve, each refused with a reason an operator can act on.</summary>
public sealed partial class ModelLoaderTests
{
    private const string IrisSignature = """
        "inputs": [ { "name": "input", "datatype": "FP32", "shape": [4] } ],
        "outputs": [ { "name": "probabilities", "datatype": "FP32", "shape": [3] }, { "name": "label", "datatype": "INT64", "shape": [] } ]
        """;

    [Fact]
    public void Load_GarbageModelFile_ThrowsCannotLoadNamingTheFile()
    {
        var path = _repository.WriteModel(TestModels.Iris, 1, [0x08, 0xFF, 0x13, 0x37, .. "garbage"u8]);

        var error = Assert.Throws<ModelLoadException>(() => _loader.LoadOnly(_repository, TestModels.Iris));

        Assert.StartsWith($"ONNX Runtime cannot load {path}: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_VersionFolderWithoutModelFile_ThrowsNamingTheFolder()
    {
        _repository.CreateFolder(TestModels.Iris, "1");

        var error = Assert.Throws<ModelLoadException>(() => _loader.LoadOnly(_repository, TestModels.Iris));

        Assert.Equal($"{Path.Combine(_repository.Root, TestModels.Iris, "1")} has no model.onnx", error.Message);
    }

    [Theory]
    [InlineData(
        """{ "inputs": [ { "name": "input", "datatype": "FP64", "shape": [-1, 4] } ] }""",
        "input 'input' is FP32 in the graph but FP64 in the config")]
    [InlineData(
        """{ "inputs": [ { "name": "input", "datatype": "FP32", "shape": [-1, 5] } ] }""",
        "input 'input' has shape [-1,4] in the graph but [-1,5] in the config")]
    [InlineData(
        """{ "inputs": [ { "name": "input", "datatype": "FP32", "shape": [4] } ] }""",
        "input 'input' has shape [-1,4] in the graph but [4] in the config")]
    [InlineData(
        """{ "outputs": [ { "name": "logits", "datatype": "FP32", "shape": [-1, 3] } ] }""",
        "config output 'logits' is not in the graph, whose outputs are probabilities, label")]
    [InlineData(
        """{ "inputs": [] }""",
        "the graph's input 'input' is missing from the config")]
    public void Load_ConfigDisagreesWithGraph_ThrowsNamingTheDisagreement(string config, string problem)
    {
        _repository.CopyModel(TestModels.Iris, 1);
        _repository.WriteConfig(TestModels.Iris, config);

        var error = Assert.Throws<ModelLoadException>(() => _loader.LoadOnly(_repository, TestModels.Iris));

        Assert.StartsWith("model does not match its config: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ConfigWithSeveralDisagreements_ListsEveryOne()
    {
        _repository.CopyModel(TestModels.Iris, 1);
        _repository.WriteConfig(TestModels.Iris, """
            {
              "max_batch_size": 8,
              "inputs": [ { "name": "input", "datatype": "INT32", "shape": [4] } ],
              "outputs": [ { "name": "probabilities", "datatype": "FP32", "shape": [5] }, { "name": "logits", "datatype": "FP32", "shape": [3] } ]
            }
            """);

        var error = Assert.Throws<ModelLoadException>(() => _loader.LoadOnly(_repository, TestModels.Iris));

        Assert.Contains("input 'input' is FP32 in the graph but INT32 in the config", error.Message, StringComparison.Ordinal);
        Assert.Contains("output 'probabilities' has shape [-1,3] in the graph but [-1,5] in the config", error.Message, StringComparison.Ordinal);
        Assert.Contains("config output 'logits' is not in the graph", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MaxBatchSizeOnGraphWithFixedFirstDimension_ThrowsNamingTheInput()
    {
        _repository.WriteModel("fixed", 1, TestModels.FixedShapeIdentity());
        _repository.WriteConfig("fixed", """{ "max_batch_size": 4 }""");

        var error = Assert.Throws<ModelLoadException>(() => _loader.LoadOnly(_repository, "fixed"));

        Assert.Contains("max_batch_size is 4 but input 'x' has no variable first dimension in the graph ([2,3])", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_WarmupWithWrongElementCount_ThrowsNamingTheWarmup()
    {
        CopyIrisWithWarmup(64, """{ "name": "three-features", "inputs": { "input": [5.1, 3.5, 1.4] } }""");

        var error = Assert.Throws<ModelLoadException>(() => _loader.LoadOnly(_repository, TestModels.Iris));

        Assert.Equal("warm-up 'three-features' failed: warm-up data for input 'input' has 3 elements, which does not fit shape [4]", error.Message);
    }

    [Fact]
    public void Load_WarmupBatchOverMaxBatchSize_ThrowsNamingTheWarmup()
    {
        CopyIrisWithWarmup(4, """{ "name": "too-many", "batch_size": 5, "inputs": { "input": [5.1, 3.5, 1.4, 0.2] } }""");

        var error = Assert.Throws<ModelLoadException>(() => _loader.LoadOnly(_repository, TestModels.Iris));

        Assert.StartsWith("warm-up 'too-many' failed: input 'input' has batch size 5, but the model accepts 1 to 4", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_WarmupWithTextForNumericInput_ThrowsModelLoadExceptionNamingTheWarmup()
    {
        CopyIrisWithWarmup(64, """{ "name": "quoted-numbers", "inputs": { "input": ["5.1", "3.5", "1.4", "0.2"] } }""");

        var error = Record.Exception(() => _loader.LoadOnly(_repository, TestModels.Iris));

        var rejection = Assert.IsType<ModelLoadException>(error);
        Assert.StartsWith("warm-up 'quoted-numbers' failed: ", rejection.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ModelConfigBrokenAtScan_IsRejectedWithTheScanError()
    {
        _repository.CopyModel(TestModels.Iris, 1);
        var configPath = _repository.WriteConfig(TestModels.Iris, """{ "max_batch_size": -2 }""");

        var error = Assert.Throws<ModelLoadException>(() => _loader.LoadOnly(_repository, TestModels.Iris));

        Assert.Equal($"{configPath}: max_batch_size must be 0 or more, not -2", error.Message);
    }

    /// <summary>iris-mlp 1 with its committed signature, batching up to <paramref name="maxBatchSize"/>, and one warm-up.</summary>
    private void CopyIrisWithWarmup(int maxBatchSize, string warmup)
    {
        _repository.CopyModel(TestModels.Iris, 1);
        _repository.WriteConfig(TestModels.Iris, $$"""{ "max_batch_size": {{maxBatchSize}}, {{IrisSignature}}, "warmup": [ {{warmup}} ] }""");
    }
}

using InferenceHost.Inference.Execution;
using InferenceHost.Inference.Repository;
using InferenceHost.Tests.Common;

namespace InferenceHost.Inference.Tests;

public sealed class ModelConfigReaderTests : IDisposable
{
    private readonly TempRepository _repository = new();

    [Fact]
    public void ReadIfPresent_NoConfigFile_ReturnsNull()
    {
        Assert.Null(ModelConfigReader.ReadIfPresent(_repository.CreateFolder(TestModels.Iris)));
    }

    [Fact]
    public void ReadIfPresent_CommittedIrisConfig_ReadsEveryField()
    {
        var config = ModelConfigReader.ReadIfPresent(Path.Combine(RepositoryPaths.Models, TestModels.Iris));

        Assert.NotNull(config);
        Assert.Equal(64, config.MaxBatchSize);
        Assert.Equal(DevicePreference.Auto, config.Device);
        Assert.True(config.VersionPolicy?.All);
        var input = Assert.Single(config.Inputs!);
        Assert.Equal(("input", "FP32"), (input.Name, input.Datatype));
        Assert.Equal([4], input.Shape);
        Assert.Equal(["probabilities", "label"], config.Outputs!.Select(o => o.Name));
        Assert.Equal(["one-flower", "full-batch"], config.Warmup!.Select(w => w.Name));
        Assert.Equal([1, 64], config.Warmup!.Select(w => w.BatchSize));
        Assert.Equal(["setosa", "virginica"], config.SmokeTests!.Select(t => t.Name));
        Assert.Equal([1, 4], config.SmokeTests!.Select(t => t.BatchSize));
        Assert.All(config.SmokeTests!, t => Assert.Equal(SmokeTest.DefaultTolerance, t.Tolerance));
        Assert.Equal(["[0]", "[2]"], config.SmokeTests!.Select(t => t.Expected["label"].GetRawText()));
    }

    [Theory]
    [InlineData("""{ "max_batch": 4 }""", "max_batch")]
    [InlineData("""{ "inputs": [ { "name": "input", "datatype": "FP32", "shape": [4], "dims": [4] } ] }""", "dims")]
    [InlineData("""{ "version_policy": { "newest": 1 } }""", "newest")]
    public void ReadIfPresent_UnknownField_RejectedNamingFileAndField(string json, string field)
    {
        var error = Read(json);

        Assert.StartsWith($"{ConfigPath}: ", error.Message, StringComparison.Ordinal);
        Assert.Contains($"'{field}'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "version_policy": { "all": true, "latest": 2 } }""")]
    [InlineData("""{ "version_policy": { "latest": 1, "specific": ["1"] } }""")]
    [InlineData("""{ "version_policy": { } }""")]
    public void ReadIfPresent_VersionPolicyWithoutExactlyOneChoice_Rejected(string json)
    {
        var error = Read(json);

        Assert.Equal($"{ConfigPath}: version_policy must set exactly one of all, latest, specific", error.Message);
    }

    [Fact]
    public void ReadIfPresent_NegativeMaxBatchSize_Rejected()
    {
        var error = Read("""{ "max_batch_size": -1 }""");

        Assert.Equal($"{ConfigPath}: max_batch_size must be 0 or more, not -1", error.Message);
    }

    [Theory]
    [InlineData("FLOAT32")]
    [InlineData("fp32")]
    public void ReadIfPresent_UnknownDatatype_Rejected(string datatype)
    {
        var error = Read($$"""{ "outputs": [ { "name": "probabilities", "datatype": "{{datatype}}", "shape": [3] } ] }""");

        Assert.Equal($"{ConfigPath}: outputs: 'probabilities' has unknown datatype '{datatype}'", error.Message);
    }

    [Fact]
    public void ReadIfPresent_UnknownDevice_RejectedNamingTheFile()
    {
        var error = Read("""{ "device": "tpu" }""");

        Assert.StartsWith($"{ConfigPath}: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadIfPresent_SeveralRulesBroken_ListsEveryError()
    {
        var error = Read("""
            {
              "max_batch_size": -3,
              "intra_op_threads": -1,
              "version_policy": { "latest": 0 },
              "inputs": [ { "name": "a", "datatype": "FP32", "shape": [-2] }, { "name": "a", "datatype": "STRING", "shape": [1] } ],
              "warmup": [ { "name": "empty", "batch_size": 0, "inputs": {} } ],
              "smoke_tests": [ { "name": "loose", "batch_size": 0, "inputs": {}, "expected": {}, "tolerance": -0.5 } ]
            }
            """);

        Assert.StartsWith($"{ConfigPath}: ", error.Message, StringComparison.Ordinal);
        string[] expected =
        [
            "max_batch_size must be 0 or more, not -3",
            "intra_op_threads must be 0 (ONNX Runtime's default) or more, not -1",
            "version_policy.latest must be 1 or more, not 0",
            "inputs: 'a' needs a shape of sizes >= -1",
            "inputs: names must be present and unique ('a')",
            "inputs: 'a' has unknown datatype 'STRING'",
            "warmup 'empty': batch_size must be 1 or more",
            "smoke test 'loose': batch_size must be 1 or more",
            "smoke test 'loose': tolerance must be a number of 0 or more, not -0.5",
            "smoke test 'loose': expected must name at least one output",
        ];
        Assert.All(expected, problem => Assert.Contains(problem, error.Message, StringComparison.Ordinal));
    }

    public void Dispose() => _repository.Dispose();

    private string ConfigPath => Path.Combine(_repository.Root, TestModels.Iris, ModelConfigReader.FileName);

    private InvalidDataException Read(string json)
    {
        _repository.WriteConfig(TestModels.Iris, json);
        return Assert.Throws<InvalidDataException>(() => ModelConfigReader.ReadIfPresent(Path.Combine(_repository.Root, TestModels.Iris)));
    }
}

using System.Globalization;
using InferenceHost.Inference.Catalog;
using InferenceHost.ModelBuilder;

namespace InferenceHost.Inference.Tests;

/// <summary>Smoke tests: requests with expected outputs, run after warm-up; a mismatch rejects the version.</summary>
public sealed partial class ModelLoaderTests
{
    [Fact]
    public void Load_SmokeTestsMatch_ServesTheVersion()
    {
        var setosa = IrisMlpReference.Predict(1, IrisFlowers.Setosa);
        CopyIrisWithSmokeTests(
            $$"""{ "name": "setosa", "inputs": { "input": [5.1, 3.5, 1.4, 0.2] }, "expected": { "probabilities": {{Json(setosa.Probabilities)}}, "label": [0] } }""",
            """{ "name": "versicolor-batch", "batch_size": 3, "inputs": { "input": [7.0, 3.2, 4.7, 1.4] }, "expected": { "label": [1] } }""",
            """{ "name": "virginica-whole", "batch_size": 2, "inputs": { "input": [6.3, 3.3, 6.0, 2.5] }, "expected": { "label": [2, 2] } }""");

        using var model = _loader.LoadOnly(_repository, TestModels.Iris);

        IrisFlowers.AssertServes(model, 1, IrisFlowers.ThreeSpecies);
    }

    [Fact]
    public void Load_SmokeTestLabelMismatch_RejectsNamingTestOutputIndexExpectedAndActual()
    {
        CopyIrisWithSmokeTests(
            """{ "name": "setosa", "inputs": { "input": [5.1, 3.5, 1.4, 0.2] }, "expected": { "label": [0] } }""",
            """{ "name": "versicolor", "batch_size": 2, "inputs": { "input": [7.0, 3.2, 4.7, 1.4] }, "expected": { "label": [2] } }""");

        var error = Assert.Throws<ModelLoadException>(() => _loader.LoadOnly(_repository, TestModels.Iris));

        Assert.Equal("smoke test 'versicolor' failed: output 'label' index 0: expected 2, actual 1 (tolerance 0.00001)", error.Message);
    }

    [Fact]
    public void Load_SmokeTestProbabilityOutsideTolerance_RejectsWithBothValues()
    {
        CopyIrisWithSmokeTests(
            """{ "name": "close", "inputs": { "input": [7.0, 3.2, 4.7, 1.4] }, "expected": { "probabilities": [0.0035, 0.634, 0.3623] }, "tolerance": 0.001 }""",
            """{ "name": "too-far", "inputs": { "input": [7.0, 3.2, 4.7, 1.4] }, "expected": { "probabilities": [0.0035, 0.6, 0.3623] }, "tolerance": 0.01 }""");

        var error = Assert.Throws<ModelLoadException>(() => _loader.LoadOnly(_repository, TestModels.Iris));

        Assert.Matches(@"^smoke test 'too-far' failed: output 'probabilities' index 1: expected 0\.6, actual 0\.634225\d? \(tolerance 0\.01\)$", error.Message);
    }

    [Theory]
    [InlineData(
        """{ "name": "short", "inputs": { "input": [5.1, 3.5, 1.4, 0.2] }, "expected": { "probabilities": [1, 0] } }""",
        "smoke test 'short' failed: output 'probabilities' has 3 elements, but 2 are expected")]
    [InlineData(
        """{ "name": "no-such-output", "inputs": { "input": [5.1, 3.5, 1.4, 0.2] }, "expected": { "logits": [1, 0, 0] } }""",
        "smoke test 'no-such-output' failed: ")]
    [InlineData(
        """{ "name": "no-input", "inputs": { "features": [5.1, 3.5, 1.4, 0.2] }, "expected": { "label": [0] } }""",
        "smoke test 'no-input' failed: smoke test 'no-input' has no data for input 'input'")]
    [InlineData(
        """{ "name": "three-features", "inputs": { "input": [5.1, 3.5, 1.4] }, "expected": { "label": [0] } }""",
        "smoke test 'three-features' failed: smoke test data for input 'input' has 3 elements, which does not fit shape [4]")]
    public void Load_SmokeTestThatCannotRun_RejectsNamingTheTest(string test, string reason)
    {
        CopyIrisWithSmokeTests(test);

        var error = Assert.Throws<ModelLoadException>(() => _loader.LoadOnly(_repository, TestModels.Iris));

        Assert.StartsWith(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_VersionConfigSmokeTests_ReplaceTheModelsForThatVersion()
    {
        CopyIrisWithSmokeTests("""{ "name": "v1-versicolor", "inputs": { "input": [7.0, 3.2, 4.7, 1.4] }, "expected": { "label": [1] } }""");
        _repository.CopyModel(TestModels.Iris, 2);
        _repository.WriteConfig(TestModels.Iris, $$"""{ "max_batch_size": 8, "version_policy": { "all": true }, {{IrisSignature}}, "smoke_tests": [ { "name": "v1-versicolor", "inputs": { "input": [7.0, 3.2, 4.7, 1.4] }, "expected": { "label": [1] } } ] }""");
        _repository.WriteVersionConfig(TestModels.Iris, 2, """{ "smoke_tests": [ { "name": "v2-shifted", "inputs": { "input": [7.0, 3.2, 4.7, 1.4] }, "expected": { "label": [2] } } ] }""");

        using var one = _loader.Load(_repository.Root, TestModels.Iris, "1");
        using var two = _loader.Load(_repository.Root, TestModels.Iris, "2");

        IrisFlowers.AssertServes(two, 2, IrisFlowers.ThreeSpecies);
    }

    /// <summary>iris-mlp 1 with its committed signature, batching up to 8, and the given smoke tests.</summary>
    private void CopyIrisWithSmokeTests(params string[] tests)
    {
        _repository.CopyModel(TestModels.Iris, 1);
        _repository.WriteConfig(TestModels.Iris, $$"""{ "max_batch_size": 8, {{IrisSignature}}, "smoke_tests": [ {{string.Join(", ", tests)}} ] }""");
    }

    private static string Json(float[] values) => $"[{string.Join(", ", values.Select(v => v.ToString("R", CultureInfo.InvariantCulture)))}]";
}

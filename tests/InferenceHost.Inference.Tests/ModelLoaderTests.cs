using System.Globalization;
using InferenceHost.Inference.Catalog;
using InferenceHost.Inference.Execution;
using InferenceHost.ModelBuilder;
using InferenceHost.Tensors;
using InferenceHost.Tests.Common;

namespace InferenceHost.Inference.Tests;

/// <summary>Loading versions that serve; the versions that must not load are in ModelLoaderTests.Rejections.cs.</summary>
public sealed partial class ModelLoaderTests : IDisposable
{
    private readonly TempRepository _repository = new();
    private readonly ModelLoader _loader = TestModels.NewLoader();

    public static TheoryData<int> IrisVersions { get; } = [.. IrisMlpReference.Versions];

    [Theory]
    [MemberData(nameof(IrisVersions))]
    public void Load_CommittedIrisVersion_ServesConfiguredSignature(int version)
    {
        using var model = _loader.Load(RepositoryPaths.Models, TestModels.Iris, version.ToString(CultureInfo.InvariantCulture));

        Assert.Equal(64, model.Signature.MaxBatchSize);
        AssertTensor(model.Signature.Inputs.Single(), "input", TensorDatatype.Fp32, [-1, 4]);
        Assert.Equal(2, model.Signature.Outputs.Count);
        AssertTensor(model.Signature.Outputs[0], "probabilities", TensorDatatype.Fp32, [-1, 3]);
        AssertTensor(model.Signature.Outputs[1], "label", TensorDatatype.Int64, [-1]);
        DeviceAssert.AutoDeviceIsExplained(model);
    }

    [Fact]
    public void Run_AfterUnload_IsRefusedWithoutTouchingTheFreedSession()
    {
        var model = _loader.Load(RepositoryPaths.Models, TestModels.Iris, "1");
        Assert.Single(model.Run([IrisFlowers.Input(IrisFlowers.ThreeSpecies)], [IrisMlpReference.LabelName]));

        model.Dispose();

        Assert.Throws<ObjectDisposedException>(() => model.Run([IrisFlowers.Input(IrisFlowers.ThreeSpecies)], []));
    }

    [Fact]
    public void Load_BareModelWithoutConfig_TakesSignatureFromGraph()
    {
        _repository.CopyModel(TestModels.Iris, 1);

        using var model = _loader.LoadOnly(_repository, TestModels.Iris);

        Assert.Equal(0, model.Signature.MaxBatchSize);
        AssertTensor(model.Signature.Inputs.Single(), "input", TensorDatatype.Fp32, [-1, 4]);
        AssertTensor(model.Signature.Outputs[0], "probabilities", TensorDatatype.Fp32, [-1, 3]);
        AssertTensor(model.Signature.Outputs[1], "label", TensorDatatype.Int64, [-1]);
        IrisFlowers.AssertServes(model, 1, IrisFlowers.ThreeSpecies);
    }

    [Fact]
    public void Load_ConfigAsksForCpu_RunsOnCpuAndSaysSo()
    {
        _repository.CopyModel(TestModels.Iris, 3);
        _repository.WriteConfig(TestModels.Iris, """{ "device": "cpu" }""");

        using var model = _loader.LoadOnly(_repository, TestModels.Iris);

        Assert.Equal(ExecutionDevice.Cpu, model.Device);
        Assert.Equal("the model's config asks for the CPU", model.DeviceReason);
    }

    [Fact]
    public void Load_ConfigAsksForGpu_LoadsOnGpuOrSaysCudaIsNotUsable()
    {
        _repository.CopyModel(TestModels.Iris, 1);
        _repository.WriteConfig(TestModels.Iris, """{ "device": "gpu" }""");
        LoadedModel? model = null;

        var error = Record.Exception(() => model = _loader.LoadOnly(_repository, TestModels.Iris));

        using (model)
        {
            if (error is null)
            {
                Assert.Equal(ExecutionDevice.Gpu, model!.Device);
                return;
            }

            var rejection = Assert.IsType<ModelLoadException>(error);
            Assert.StartsWith("the model's config asks for the GPU, but CUDA is not usable: ", rejection.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Load_CorruptModelBeforeGoodOne_DoesNotMoveGoodOneOffItsDevice()
    {
        _repository.WriteModel("corrupt", 1, "not an onnx model"u8.ToArray());
        _repository.CopyModel(TestModels.Iris, 1);
        var sources = _repository.Scan();
        Assert.Throws<ModelLoadException>(() => _loader.Load(sources.Single(s => s.Model == "corrupt")));

        using var afterCorrupt = _loader.Load(sources.Single(s => s.Model == TestModels.Iris));
        using var fresh = TestModels.NewLoader().Load(sources.Single(s => s.Model == TestModels.Iris));

        Assert.Equal(fresh.Device, afterCorrupt.Device);
    }

    [Fact]
    public void Load_ResNet18WithoutConfig_RunsToFiniteOutputsOfDeclaredShape()
    {
        using var model = _loader.Load(RepositoryPaths.Models, "resnet18", "1");
        var input = model.Signature.Inputs.Single();
        Assert.Equal(TensorDatatype.Fp32, input.Datatype);
        long[] shape = [.. input.Shape.Select(d => d < 0 ? 1 : d)];
        var halves = Enumerable.Repeat(0.5f, (int)shape.Aggregate(1L, (a, b) => a * b)).ToArray();

        var outputs = model.Run([TestTensors.Fp32(input.Name, shape, halves)], []);

        Assert.Equal(model.Signature.Outputs.Select(o => o.Name), outputs.Select(o => o.Name));
        foreach (var (output, declared) in outputs.Zip(model.Signature.Outputs))
        {
            Assert.Equal(TensorDatatype.Fp32, output.Datatype);
            Assert.Equal(declared.Shape.Length, output.Shape.Length);
            Assert.All(declared.Shape.Zip(output.Shape), d => Assert.True(d.First == -1 || d.First == d.Second, $"{declared.Name}: {d}"));
            var values = TestTensors.Read<float>(output);
            Assert.NotEmpty(values);
            Assert.All(values, v => Assert.True(float.IsFinite(v)));
        }

        Assert.Equal(outputs.Select(o => o.Data.ToArray()), model.Run([TestTensors.Fp32(input.Name, shape, halves)], []).Select(o => o.Data.ToArray()));
    }

    public void Dispose() => _repository.Dispose();

    private static void AssertTensor(TensorSignature tensor, string name, TensorDatatype datatype, long[] shape)
    {
        Assert.Equal(name, tensor.Name);
        Assert.Equal(datatype, tensor.Datatype);
        Assert.Equal(shape, tensor.Shape);
    }
}

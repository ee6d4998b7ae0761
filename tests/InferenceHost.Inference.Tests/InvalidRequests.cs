using System.Buffers.Binary;
using InferenceHost.Inference.Tensors;

namespace InferenceHost.Inference.Tests;

/// <summary>One request for every way a client can get a request wrong, with the expected error text.</summary>
internal static class InvalidRequests
{
    private const string Iris = TestModels.Iris;
    private const string IrisInputs = "'input' FP32 [-1,4]";

    public static IReadOnlyList<InvalidRequest> All { get; } =
    [
        new("unexpected-input", Iris, [TestTensors.Fp32("features", [1, 4], IrisFlowers.Setosa)], [],
            $"unexpected input 'features': the model's inputs are {IrisInputs}"),
        new("missing-input", TestModels.DtypeEcho, [.. DtypeEchoRequest.Inputs().Where(i => i.Name != "text")], [],
            "missing input 'text': the model needs 'fp32' FP32 [-1], 'fp64' FP64 [-1], 'int32' INT32 [-1], 'int64' INT64 [-1], 'bool' BOOL [-1], 'text' BYTES [-1]"),
        new("input-given-twice", Iris, [IrisFlowers.Input(IrisFlowers.Setosa), IrisFlowers.Input(IrisFlowers.Virginica)], [],
            "input 'input' is given more than once"),
        new("wrong-datatype", Iris, [TestTensors.Of<double>("input", "FP64", [1, 4], [5.1, 3.5, 1.4, 0.2])], [],
            "input 'input' has datatype FP64, but the model expects FP32"),
        new("wrong-rank", Iris, [TestTensors.Fp32("input", [4], IrisFlowers.Setosa)], [],
            "input 'input' has shape [4], but the model expects [-1,4]"),
        new("wrong-dimension", Iris, [TestTensors.Fp32("input", [1, 5], [.. IrisFlowers.Setosa, 1f])], [],
            "input 'input' has shape [1,5], but the model expects [-1,4]"),
        new("data-shorter-than-shape", Iris, [TestTensors.Fp32("input", [2, 4], IrisFlowers.Setosa)], [],
            "input 'input' has 16 bytes of data, but shape [2,4] of FP32 needs 32 (8 elements)"),
        new("bytes-prefix-overruns", TestModels.DtypeEcho, [.. DtypeEchoRequest.Inputs().Where(i => i.Name != "text"), OverrunningText()], [],
            "input 'text' has shape [1] (1 elements), but its BYTES data does not hold exactly 1 length-prefixed elements"),
        new("batch-over-max", Iris, [IrisFlowers.Input(Repeat(IrisFlowers.Setosa, 65))], [],
            "input 'input' has batch size 65, but the model accepts 1 to 64 (max_batch_size)"),
        new("batch-zero", Iris, [TestTensors.Fp32("input", [0, 4])], [],
            "input 'input' has batch size 0, but the model accepts 1 to 64 (max_batch_size)"),
        new("batch-sizes-differ", SampleModelsFixture.BatchedDtypeEcho, BatchesOfDifferentSize(), [],
            "input 'fp64' has batch size 1, but other inputs have 3; all inputs share one batch size"),
        new("unknown-output", Iris, [IrisFlowers.Input(IrisFlowers.Setosa)], ["logits"],
            "unknown output 'logits': the model's outputs are 'probabilities' FP32 [-1,3], 'label' INT64 [-1]"),
        new("output-requested-twice", Iris, [IrisFlowers.Input(IrisFlowers.Setosa)], ["label", "label"],
            "output 'label' is requested more than once"),
    ];

    public static TheoryData<string> Cases { get; } = [.. All.Select(r => r.Case)];

    public static InvalidRequest Named(string name) => All.Single(r => r.Case == name);

    private static float[] Repeat(float[] flower, int times) => [.. Enumerable.Repeat(flower, times).SelectMany(f => f)];

    /// <summary>One BYTES element whose length prefix claims 10 bytes where 3 follow.</summary>
    private static TensorInput OverrunningText()
    {
        var data = new byte[4 + 3];
        BinaryPrimitives.WriteUInt32LittleEndian(data, 10);
        "abc"u8.CopyTo(data.AsSpan(4));
        return new TensorInput("text", "BYTES", [1], data);
    }

    /// <summary>dtype-echo with max_batch_size 8: fp32 carries a batch of 3, fp64 a batch of 1.</summary>
    private static TensorInput[] BatchesOfDifferentSize()
    {
        var inputs = DtypeEchoRequest.Inputs();
        inputs[0] = TestTensors.Fp32("fp32", [3], 1f, 2f, 3f);
        inputs[1] = TestTensors.Of<double>("fp64", "FP64", [1], [0.5]);
        return inputs;
    }
}

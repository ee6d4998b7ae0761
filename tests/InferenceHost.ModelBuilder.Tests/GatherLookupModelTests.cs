using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace InferenceHost.ModelBuilder.Tests;

public sealed class GatherLookupModelTests : IDisposable
{
    private readonly OnnxSession onnx = new(RepoPaths.Model(GatherLookupReference.ModelName, 1));

    public static TheoryData<long[]> ValidIndices { get; } =
    [
        [0],
        [0, 9, -1],
        [.. Enumerable.Range(-GatherLookupReference.TableSize, 2 * GatherLookupReference.TableSize).Select(i => (long)i)],
        [3, 3, 3, -7],
        [],
    ];

    [Theory]
    [MemberData(nameof(ValidIndices))]
    public void Run_IndicesInRange_MatchesReference(long[] indices)
    {
        Assert.Equal(GatherLookupReference.Lookup(indices), Run(indices));
    }

    [Fact]
    public void Run_FirstLastAndNegative_ReturnsDocumentedTableEntries()
    {
        Assert.Equal([1f, 5.5f, 5.5f, 1f], Run([0, 9, -1, -10]));
    }

    [Theory]
    [InlineData(10)]
    [InlineData(12)]
    [InlineData(-11)]
    [InlineData(long.MaxValue)]
    public void Run_IndexOutOfRange_ThrowsOnnxRuntimeException(long index)
    {
        var error = Assert.Throws<OnnxRuntimeException>(() => Run([0, index]));

        Assert.Contains($"indices element out of data bounds, idx={index} must be within the inclusive range [-10,9]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_AfterAnOutOfRangeIndex_StillAnswers()
    {
        Assert.Throws<OnnxRuntimeException>(() => Run([12]));

        Assert.Equal([1.5f], Run([1]));
    }

    [Fact]
    public void InferenceSession_Signature_IsOneDynamicLengthLookup()
    {
        var input = Assert.Single(onnx.Session.InputMetadata);
        var output = Assert.Single(onnx.Session.OutputMetadata);

        Assert.Equal((GatherLookupReference.InputName, TensorElementType.Int64), (input.Key, input.Value.ElementDataType));
        Assert.Equal([-1], input.Value.Dimensions);
        Assert.Equal((GatherLookupReference.OutputName, TensorElementType.Float), (output.Key, output.Value.ElementDataType));
        Assert.Equal([-1], output.Value.Dimensions);
    }

    [Theory]
    [InlineData(10)]
    [InlineData(-11)]
    public void Lookup_IndexOutOfRange_Throws(long index)
    {
        Assert.False(GatherLookupReference.IsInRange(index));
        Assert.Throws<ArgumentOutOfRangeException>(() => GatherLookupReference.Lookup([index]));
    }

    public void Dispose() => onnx.Dispose();

    private float[] Run(long[] indices)
    {
        var inputs = new Dictionary<string, OrtValue>
        {
            [GatherLookupReference.InputName] = OrtValue.CreateTensorValueFromMemory(indices, [indices.Length]),
        };
        using var outputs = onnx.Run(inputs, GatherLookupReference.OutputName);
        return outputs[0].GetTensorDataAsSpan<float>().ToArray();
    }
}

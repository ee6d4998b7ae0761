using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace InferenceHost.ModelBuilder.Tests;

public sealed class DtypeEchoModelTests : IDisposable
{
    private const double Tolerance = 1e-5;

    private readonly OnnxSession onnx = new(RepoPaths.Model(DtypeEchoReference.ModelName, 1));

    [Fact]
    public void Run_EveryDatatypeWithItsOwnLength_MatchesReference()
    {
        float[] fp32 = [1.5f, -2.25f, 0f, 3.4e38f / 4];
        double[] fp64 = [0.1, -1e300];
        int[] int32 = [0, -7, int.MaxValue];
        long[] int64 = [1, -2, long.MaxValue / 3, 1L << 40, 5];
        bool[] flags = [true, false, false];
        string[] text = ["hello", string.Empty, "wörld ✓"];

        using var outputs = Run(fp32, fp64, int32, int64, flags, text);

        Assert.Equal(DtypeEchoReference.Fp32Out(fp32), outputs[0].GetTensorDataAsSpan<float>().ToArray());
        Assert.All(DtypeEchoReference.Fp64Out(fp64).Zip(outputs[1].GetTensorDataAsSpan<double>().ToArray()), p => Assert.Equal(p.First, p.Second, Tolerance));
        Assert.Equal(DtypeEchoReference.Int32Out(int32), outputs[2].GetTensorDataAsSpan<int>().ToArray());
        Assert.Equal(DtypeEchoReference.Int64Out(int64), outputs[3].GetTensorDataAsSpan<long>().ToArray());
        Assert.Equal(DtypeEchoReference.BoolOut(flags), outputs[4].GetTensorDataAsSpan<bool>().ToArray());
        Assert.Equal(DtypeEchoReference.TextOut(text), outputs[5].GetStringTensorAsArray());
    }

    [Fact]
    public void Run_SingleElements_MatchesDocumentedArithmetic()
    {
        using var outputs = Run([3f], [1.25], [-10], [-4], [false], ["x"]);

        Assert.Equal(6f, outputs[0].GetTensorDataAsSpan<float>()[0]);
        Assert.Equal(1.75, outputs[1].GetTensorDataAsSpan<double>()[0]);
        Assert.Equal(-3, outputs[2].GetTensorDataAsSpan<int>()[0]);
        Assert.Equal(-12L, outputs[3].GetTensorDataAsSpan<long>()[0]);
        Assert.True(outputs[4].GetTensorDataAsSpan<bool>()[0]);
        Assert.Equal("x", outputs[5].GetStringElement(0));
    }

    [Fact]
    public void InferenceSession_Signature_HasOneDynamicLanePerDatatype()
    {
        TensorElementType[] types =
        [
            TensorElementType.Float, TensorElementType.Double, TensorElementType.Int32,
            TensorElementType.Int64, TensorElementType.Bool, TensorElementType.String,
        ];

        Assert.Equal(DtypeEchoReference.InputNames, onnx.Session.InputMetadata.Keys);
        Assert.Equal(DtypeEchoReference.InputNames.Select(DtypeEchoReference.OutputName), onnx.Session.OutputMetadata.Keys);
        Assert.All(DtypeEchoReference.InputNames.Zip(types), lane =>
        {
            var input = onnx.Session.InputMetadata[lane.First];
            var output = onnx.Session.OutputMetadata[DtypeEchoReference.OutputName(lane.First)];
            Assert.Equal(lane.Second, input.ElementDataType);
            Assert.Equal(lane.Second, output.ElementDataType);
            Assert.Equal([-1], input.Dimensions);
            Assert.Equal(["n_" + lane.First], input.SymbolicDimensions);
        });
    }

    public void Dispose() => onnx.Dispose();

    private IDisposableReadOnlyCollection<OrtValue> Run(
        float[] fp32, double[] fp64, int[] int32, long[] int64, bool[] flags, string[] text)
    {
        var inputs = new Dictionary<string, OrtValue>
        {
            ["fp32"] = OrtValue.CreateTensorValueFromMemory(fp32, [fp32.Length]),
            ["fp64"] = OrtValue.CreateTensorValueFromMemory(fp64, [fp64.Length]),
            ["int32"] = OrtValue.CreateTensorValueFromMemory(int32, [int32.Length]),
            ["int64"] = OrtValue.CreateTensorValueFromMemory(int64, [int64.Length]),
            ["bool"] = OrtValue.CreateTensorValueFromMemory(flags, [flags.Length]),
            ["text"] = StringTensor(text),
        };
        return onnx.Run(inputs, [.. DtypeEchoReference.InputNames.Select(DtypeEchoReference.OutputName)]);
    }

    private static OrtValue StringTensor(string[] text)
    {
        var value = OrtValue.CreateTensorWithEmptyStrings(OrtAllocator.DefaultInstance, [text.Length]);
        for (var i = 0; i < text.Length; i++)
        {
            value.StringTensorSetElementAt(text[i].AsSpan(), i);
        }

        return value;
    }
}

using InferenceHost.Inference.Tensors;
using InferenceHost.ModelBuilder;

namespace InferenceHost.Inference.Tests;

/// <summary>A dtype-echo request with lanes of different lengths, and the check of its outputs.</summary>
internal static class DtypeEchoRequest
{
    public static readonly float[] Fp32 = [1.5f, -2.25f, 0f];
    public static readonly double[] Fp64 = [0.25];
    public static readonly int[] Int32 = [1, -2, int.MaxValue, 40];
    public static readonly long[] Int64 = [-4, long.MaxValue / 2];
    public static readonly bool[] Bool = [true, false, false, true, true];
    public static readonly string[] Text = ["hello", string.Empty, "grüße 🌍"];

    /// <summary>All six inputs, in graph order.</summary>
    public static TensorInput[] Inputs() =>
    [
        TestTensors.Of("fp32", "FP32", [Fp32.Length], Fp32),
        TestTensors.Of("fp64", "FP64", [Fp64.Length], Fp64),
        TestTensors.Of("int32", "INT32", [Int32.Length], Int32),
        TestTensors.Of("int64", "INT64", [Int64.Length], Int64),
        TestTensors.Bool("bool", Bool),
        TestTensors.Bytes("text", Text),
    ];

    public static void AssertMatchesReference(TensorOutput[] outputs)
    {
        Assert.Equal(DtypeEchoReference.InputNames.Select(DtypeEchoReference.OutputName), outputs.Select(o => o.Name));
        Assert.Equal(DtypeEchoReference.Fp32Out(Fp32), TestTensors.Read<float>(outputs.Named("fp32_out")));
        Assert.Equal(DtypeEchoReference.Fp64Out(Fp64), TestTensors.Read<double>(outputs.Named("fp64_out")));
        Assert.Equal(DtypeEchoReference.Int32Out(Int32), TestTensors.Read<int>(outputs.Named("int32_out")));
        Assert.Equal(DtypeEchoReference.Int64Out(Int64), TestTensors.Read<long>(outputs.Named("int64_out")));
        Assert.Equal(DtypeEchoReference.BoolOut(Bool), TestTensors.ReadBool(outputs.Named("bool_out")));
        Assert.Equal(DtypeEchoReference.TextOut(Text), TestTensors.ReadStrings(outputs.Named("text_out")));
        Assert.Equal(
            [Fp32.Length, Fp64.Length, Int32.Length, Int64.Length, Bool.Length, Text.Length],
            outputs.Select(o => o.Shape.Single()));
    }
}

namespace InferenceHost.ModelBuilder;

/// <summary>
/// Predicts the outputs of the <c>dtype-echo</c> sample model, which has one 1-D input per v2
/// JSON datatype and one output per input, each depending only on its own input.
/// </summary>
public static class DtypeEchoReference
{
    public const string ModelName = "dtype-echo";
    public const float Fp32Factor = 2f;
    public const double Fp64Offset = 0.5;
    public const int Int32Offset = 7;
    public const long Int64Factor = 3;

    /// <summary>Input names, in graph order; each output is named after its input plus <c>_out</c>.</summary>
    public static IReadOnlyList<string> InputNames { get; } = ["fp32", "fp64", "int32", "int64", "bool", "text"];

    public static string OutputName(string inputName) => inputName + "_out";

    /// <summary>fp32_out = fp32 * 2.</summary>
    public static float[] Fp32Out(ReadOnlySpan<float> values) => Map(values, x => x * Fp32Factor);

    /// <summary>fp64_out = fp64 + 0.5.</summary>
    public static double[] Fp64Out(ReadOnlySpan<double> values) => Map(values, x => x + Fp64Offset);

    /// <summary>int32_out = int32 + 7, wrapping on overflow as ONNX Runtime does.</summary>
    public static int[] Int32Out(ReadOnlySpan<int> values) => Map(values, x => unchecked(x + Int32Offset));

    /// <summary>int64_out = int64 * 3, wrapping on overflow as ONNX Runtime does.</summary>
    public static long[] Int64Out(ReadOnlySpan<long> values) => Map(values, x => unchecked(x * Int64Factor));

    /// <summary>bool_out = not bool.</summary>
    public static bool[] BoolOut(ReadOnlySpan<bool> values) => Map(values, x => !x);

    /// <summary>text_out = text, unchanged.</summary>
    public static string[] TextOut(ReadOnlySpan<string> values) => values.ToArray();

    private static T[] Map<T>(ReadOnlySpan<T> source, Func<T, T> map)
    {
        var result = new T[source.Length];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = map(source[i]);
        }

        return result;
    }
}

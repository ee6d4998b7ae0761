using System.Runtime.InteropServices;
using InferenceHost.ModelBuilder;

namespace InferenceHost.Api.Tests.Hosting;

/// <summary>What the real <c>iris-mlp</c> answers, from <see cref="IrisMlpReference"/>.</summary>
internal static class IrisAssert
{
    /// <summary>A setosa, then a virginica: rows of the [batch, 4] input.</summary>
    public static readonly float[] TwoFlowers = [5.1f, 3.5f, 1.4f, 0.2f, 6.3f, 3.3f, 6.0f, 2.5f];

    public static readonly float[] OneFlower = TwoFlowers[..IrisMlpReference.FeatureCount];

    // ONNX Runtime computes in float, the reference in double; they agree to about 1e-6.
    private const double Tolerance = 1e-5;

    /// <summary>
    /// <paramref name="count"/> flowers of random measurements from 0 to 8 cm, rows of the [batch, 4] input; safe to call
    /// from parallel requests sharing <paramref name="random"/>.
    /// </summary>
    public static float[] RandomFlowers(Random random, int count)
    {
        lock (random)
        {
            return [.. Enumerable.Range(0, count * IrisMlpReference.FeatureCount).Select(_ => (float)(random.NextDouble() * 8))];
        }
    }

    public static long[] Labels(int version, float[] flowers) =>
        [.. IrisMlpReference.PredictBatch(version, flowers).Select(p => p.Label)];

    /// <summary>The labels as the JSON <c>data</c> array: <c>[0,2]</c>.</summary>
    public static string LabelsJson(int version, float[] flowers) => $"[{string.Join(',', Labels(version, flowers))}]";

    public static void Probabilities(int version, float[] flowers, IReadOnlyList<float> actual)
    {
        var expected = IrisMlpReference.PredictBatch(version, flowers).SelectMany(p => p.Probabilities).ToArray();
        Assert.Equal(expected.Length, actual.Count);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], actual[i], Tolerance);
        }
    }

    /// <summary>Probabilities sent as little-endian FP32 bytes.</summary>
    public static void Probabilities(int version, float[] flowers, byte[] actual) =>
        Probabilities(version, flowers, MemoryMarshal.Cast<byte, float>(actual).ToArray());
}

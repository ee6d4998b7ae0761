using InferenceHost.Inference.Execution;
using InferenceHost.Inference.Tensors;
using InferenceHost.ModelBuilder;

namespace InferenceHost.Inference.Tests;

/// <summary>Rows of Fisher's iris data, and iris-mlp requests and checks built from them.</summary>
internal static class IrisFlowers
{
    public static readonly float[] Setosa = [5.1f, 3.5f, 1.4f, 0.2f];
    public static readonly float[] Versicolor = [7.0f, 3.2f, 4.7f, 1.4f];
    public static readonly float[] Virginica = [6.3f, 3.3f, 6.0f, 2.5f];

    /// <summary>One of each species: a batch whose rows have different answers.</summary>
    public static float[] ThreeSpecies { get; } = [.. Setosa, .. Versicolor, .. Virginica];

    /// <summary>Row-major [flowers, 4] data of the given flowers.</summary>
    public static float[] Batch(params float[][] flowers) => [.. flowers.SelectMany(f => f)];

    public static TensorInput Input(float[] batch) =>
        TestTensors.Fp32(IrisMlpReference.InputName, [batch.Length / IrisMlpReference.FeatureCount, IrisMlpReference.FeatureCount], batch);

    /// <summary>Checks both outputs against <see cref="IrisMlpReference"/> to 1e-5.</summary>
    public static void AssertMatchesReference(int version, float[] batch, TensorOutput[] outputs)
    {
        var expected = IrisMlpReference.PredictBatch(version, batch);
        var probabilities = outputs.Named(IrisMlpReference.ProbabilitiesName);
        var labels = outputs.Named(IrisMlpReference.LabelName);
        Assert.Equal([expected.Length, IrisMlpReference.ClassCount], probabilities.Shape);
        Assert.Equal([expected.Length], labels.Shape);
        Assert.Equal(expected.Select(p => p.Label), TestTensors.Read<long>(labels));
        var actual = TestTensors.Read<float>(probabilities);
        var flat = expected.SelectMany(p => p.Probabilities).ToArray();
        Assert.Equal(flat.Length, actual.Length);
        for (var i = 0; i < flat.Length; i++)
        {
            Assert.Equal(flat[i], actual[i], 1e-5f);
        }
    }

    /// <summary>Runs <paramref name="batch"/> through <paramref name="model"/> and checks every output.</summary>
    public static void AssertServes(LoadedModel model, int version, float[] batch) =>
        AssertMatchesReference(version, batch, model.Run([Input(batch)], []));
}

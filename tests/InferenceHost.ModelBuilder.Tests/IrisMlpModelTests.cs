using Microsoft.ML.OnnxRuntime.Tensors;

namespace InferenceHost.ModelBuilder.Tests;

public sealed class IrisMlpModelTests
{
    private const float Tolerance = 1e-5f;

    [Theory]
    [MemberData(nameof(IrisFlowers.ByVersion), MemberType = typeof(IrisFlowers))]
    public void Run_SingleFlower_MatchesReference(int version, float[] flower)
    {
        var actual = IrisOnnx.RunOne(version, flower);

        AssertMatches(IrisMlpReference.Predict(version, flower), actual);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Run_BatchOfThree_MatchesReferencePerRow(int version)
    {
        float[][] flowers = [[5.1f, 3.5f, 1.4f, 0.2f], [5.7f, 2.8f, 4.1f, 1.3f], [6.3f, 3.3f, 6.0f, 2.5f]];

        var actual = IrisOnnx.RunBatch(version, flowers);

        var expected = IrisMlpReference.PredictBatch(version, flowers.SelectMany(f => f).ToArray());
        Assert.Equal(3, actual.Length);
        Assert.All(expected.Zip(actual), pair => AssertMatches(pair.First, pair.Second));
    }

    [Theory]
    [MemberData(nameof(IrisFlowers.Textbook), MemberType = typeof(IrisFlowers))]
    public void Run_Version1TextbookFlower_PredictsItsSpecies(float[] flower, long species)
    {
        var actual = IrisOnnx.RunOne(1, flower);

        Assert.Equal(species, actual.Label);
        Assert.True(actual.Probabilities[species] > 0.5f, $"p({IrisMlpReference.ClassNames[(int)species]}) = {actual.Probabilities[species]}");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void InferenceSession_EachVersion_HasDynamicBatchSignature(int version)
    {
        using var onnx = new OnnxSession(RepoPaths.Model(IrisMlpReference.ModelName, version));

        var input = Assert.Single(onnx.Session.InputMetadata);
        Assert.Equal(IrisMlpReference.InputName, input.Key);
        Assert.Equal(TensorElementType.Float, input.Value.ElementDataType);
        Assert.Equal([-1, IrisMlpReference.FeatureCount], input.Value.Dimensions);
        Assert.Equal("batch", input.Value.SymbolicDimensions[0]);

        var outputs = onnx.Session.OutputMetadata;
        Assert.Equal([IrisMlpReference.ProbabilitiesName, IrisMlpReference.LabelName], outputs.Keys);
        Assert.Equal(TensorElementType.Float, outputs[IrisMlpReference.ProbabilitiesName].ElementDataType);
        Assert.Equal([-1, IrisMlpReference.ClassCount], outputs[IrisMlpReference.ProbabilitiesName].Dimensions);
        Assert.Equal(TensorElementType.Int64, outputs[IrisMlpReference.LabelName].ElementDataType);
        Assert.Equal([-1], outputs[IrisMlpReference.LabelName].Dimensions);
    }

    private static void AssertMatches(IrisPrediction expected, IrisPrediction actual)
    {
        Assert.Equal(expected.Label, actual.Label);
        Assert.Equal(IrisMlpReference.ClassCount, actual.Probabilities.Length);
        Assert.All(expected.Probabilities.Zip(actual.Probabilities), p => Assert.Equal(p.First, p.Second, Tolerance));
    }
}

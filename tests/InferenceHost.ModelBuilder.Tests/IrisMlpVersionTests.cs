namespace InferenceHost.ModelBuilder.Tests;

/// <summary>The iris versions differ exactly as models/README.md documents, seen through ONNX Runtime.</summary>
public sealed class IrisMlpVersionTests
{
    // Log-odds come from float probabilities as small as 1e-12, so they carry more rounding than
    // the probabilities themselves.
    private const double LogOddsTolerance = 1e-3;

    public static TheoryData<float[]> Flowers { get; } = [.. IrisFlowers.All];

    [Theory]
    [MemberData(nameof(Flowers))]
    public void Run_Version2_RaisesOnlyVirginicaLogitByBiasShift(float[] flower)
    {
        var v1 = IrisOnnx.RunOne(1, flower).Probabilities;
        var v2 = IrisOnnx.RunOne(2, flower).Probabilities;

        Assert.Equal(LogOdds(v1, 2, 1) + IrisMlpReference.Version2VirginicaBiasShift, LogOdds(v2, 2, 1), LogOddsTolerance);
        Assert.Equal(LogOdds(v1, 0, 1), LogOdds(v2, 0, 1), LogOddsTolerance);
        Assert.True(v2[2] > v1[2]);
    }

    [Fact]
    public void Run_Version2BorderlineVersicolor_FlipsToVirginica()
    {
        Assert.Equal(1, IrisOnnx.RunOne(1, IrisFlowers.BorderlineVersicolor).Label);
        Assert.Equal(2, IrisOnnx.RunOne(2, IrisFlowers.BorderlineVersicolor).Label);
    }

    [Theory]
    [MemberData(nameof(Flowers))]
    public void Run_Version3_ScalesLogOddsAndKeepsLabel(float[] flower)
    {
        var v1 = IrisOnnx.RunOne(1, flower);
        var v3 = IrisOnnx.RunOne(3, flower);

        Assert.Equal(v1.Label, v3.Label);
        Assert.True(v3.Probabilities[v3.Label] > v1.Probabilities[v1.Label]);
        foreach (var (i, j) in new[] { (0, 1), (2, 1), (0, 2) })
        {
            Assert.Equal(IrisMlpReference.Version3LogitScale * LogOdds(v1.Probabilities, i, j), LogOdds(v3.Probabilities, i, j), LogOddsTolerance);
        }
    }

    // Softmax turns logit differences into log probability ratios: ln(p_i / p_j) = l_i - l_j.
    private static double LogOdds(float[] probabilities, int i, int j) => Math.Log(probabilities[i]) - Math.Log(probabilities[j]);
}

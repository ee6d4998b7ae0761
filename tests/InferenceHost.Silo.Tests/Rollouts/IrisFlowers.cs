using System.Globalization;
using System.Text;
using InferenceHost.ModelBuilder;

namespace InferenceHost.Silo.Tests.Rollouts;

/// <summary>
/// Iris-like flowers chosen with the reference predictor: half on which version 2 (with its
/// virginica bias) and versions 1 and 3 disagree, half on which all three agree. A stream of
/// them shows version 3 drifting away from version 2, and agreeing with version 1.
/// </summary>
public static class IrisFlowers
{
    private const int PerKind = 8;

    /// <summary>Rows of 4 features each: the disagreeing ones first.</summary>
    public static IReadOnlyList<float[]> Rows { get; } = Choose();

    /// <summary>A v2 inference request with every row, under <paramref name="id"/>.</summary>
    public static string Request(string id)
    {
        var data = string.Join(",", Rows.SelectMany(static r => r).Select(static f => f.ToString("R", CultureInfo.InvariantCulture)));
        return new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $$"""{"id":"{{id}}","inputs":[{"name":"input","shape":[{{Rows.Count}},4],"datatype":"FP32","data":[{{data}}]}]}""")
            .ToString();
    }

    /// <summary>The class a version predicts for each row.</summary>
    public static long[] Labels(int version) => [.. Rows.Select(r => IrisMlpReference.Predict(version, r).Label)];

    private static float[][] Choose()
    {
        var disagreeing = new List<float[]>();
        var agreeing = new List<float[]>();
        for (var petalLength = 3.0f; petalLength <= 6.5f; petalLength += 0.1f)
        {
            for (var petalWidth = 0.8f; petalWidth <= 2.2f; petalWidth += 0.1f)
            {
                float[] flower = [6.0f, 2.9f, MathF.Round(petalLength, 1), MathF.Round(petalWidth, 1)];
                var v2 = IrisMlpReference.Predict(2, flower).Label;
                var v1 = IrisMlpReference.Predict(1, flower).Label;
                (v1 == v2 ? agreeing : disagreeing).Add(flower);
            }
        }

        if (disagreeing.Count < PerKind || agreeing.Count < PerKind)
        {
            throw new InvalidOperationException($"the grid has {disagreeing.Count} disagreeing and {agreeing.Count} agreeing flowers; {PerKind} of each are needed");
        }

        // Spread over the grid rather than the first few, so the classes mix.
        return [.. Spread(disagreeing), .. Spread(agreeing)];
    }

    private static IEnumerable<float[]> Spread(List<float[]> flowers) =>
        Enumerable.Range(0, PerKind).Select(i => flowers[i * flowers.Count / PerKind]);
}

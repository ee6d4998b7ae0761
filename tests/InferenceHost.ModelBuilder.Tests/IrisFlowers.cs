namespace InferenceHost.ModelBuilder.Tests;

/// <summary>Rows of Fisher's iris data set, with their species as the class index.</summary>
internal static class IrisFlowers
{
    /// <summary>A versicolor close to the virginica boundary: version 2's bias shift flips it.</summary>
    public static readonly float[] BorderlineVersicolor = [7.0f, 3.2f, 4.7f, 1.4f];

    public static TheoryData<float[], long> Textbook { get; } = new()
    {
        { [5.1f, 3.5f, 1.4f, 0.2f], 0 },
        { [4.9f, 3.0f, 1.4f, 0.2f], 0 },
        { [5.4f, 3.9f, 1.7f, 0.4f], 0 },
        { BorderlineVersicolor, 1 },
        { [5.7f, 2.8f, 4.1f, 1.3f], 1 },
        { [5.5f, 2.3f, 4.0f, 1.3f], 1 },
        { [6.4f, 3.2f, 4.5f, 1.5f], 1 },
        { [6.3f, 3.3f, 6.0f, 2.5f], 2 },
        { [5.8f, 2.7f, 5.1f, 1.9f], 2 },
        { [7.7f, 3.8f, 6.7f, 2.2f], 2 },
    };

    public static IEnumerable<float[]> All => Textbook.Select(row => (float[])row[0]);

    /// <summary>Every textbook flower under every model version.</summary>
    public static TheoryData<int, float[]> ByVersion { get; } = Cross();

    private static TheoryData<int, float[]> Cross()
    {
        var data = new TheoryData<int, float[]>();
        foreach (var version in IrisMlpReference.Versions)
        {
            foreach (var flower in All)
            {
                data.Add(version, flower);
            }
        }

        return data;
    }
}

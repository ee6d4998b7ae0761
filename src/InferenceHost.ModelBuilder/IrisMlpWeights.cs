namespace InferenceHost.ModelBuilder;

/// <summary>
/// Hand-picked weights of the iris MLP, laid out as ONNX Gemm reads them with transB=1:
/// row-major [out, in]. Shared by the model writer and <see cref="IrisMlpReference"/>, so
/// both compute from the very same float values.
/// </summary>
internal sealed record IrisMlpWeights(float[] Fc1Weight, float[] Fc1Bias, float[] Fc2Weight, float[] Fc2Bias)
{
    public const int Features = 4;
    public const int Hidden = 8;
    public const int Classes = 3;

    // Features: sepal length, sepal width, petal length, petal width (cm). The petal size
    // s = length + width separates the classes (setosa < 3.5 < versicolor < 6.5 < virginica);
    // ReLU pairs (h0,h1) and (h2,h3) rebuild s around each boundary, h4..h7 add small nudges.
    private static readonly float[] Fc1WeightV1 =
    [
        0, 0, 1, 1,    // h0: petal size above 3.5
        0, 0, -1, -1,  // h1: petal size below 3.5
        0, 0, 1, 1,    // h2: petal size above 6.5
        0, 0, -1, -1,  // h3: petal size below 6.5
        1, 0, 0, 0,    // h4: sepal longer than 5.8
        0, -1, 0, 0,   // h5: sepal narrower than 3.0
        0, 0, 1, 0,    // h6: petal longer than 4.9
        0, 0, 0, 1,    // h7: petal wider than 1.7
    ];

    private static readonly float[] Fc1BiasV1 = [-3.5f, 3.5f, -6.5f, 6.5f, -5.8f, 3.0f, -4.9f, -1.7f];

    // Setosa logit = 2(h1 - h0) = 7 - 2s and virginica = 2(h2 - h3) + nudges = 2s - 13 + ...,
    // against versicolor near 0: each class wins on its own side of the boundaries above.
    private static readonly float[] Fc2WeightV1 =
    [
        -2, 2, 0, 0, 0, 0, 0, 0,          // setosa
        0, 0, 0, 0, 0, 0.3f, -0.5f, -0.5f, // versicolor
        0, 0, 2, -2, 0.2f, 0, 1, 1,        // virginica
    ];

    private static readonly float[] Fc2BiasV1 = [0, 0, 0];

    public static IrisMlpWeights ForVersion(int version)
    {
        var v1 = new IrisMlpWeights(Fc1WeightV1, Fc1BiasV1, Fc2WeightV1, Fc2BiasV1);
        return version switch
        {
            1 => v1,
            2 => v1 with { Fc2Bias = [0, 0, IrisMlpReference.Version2VirginicaBiasShift] },
            3 => v1 with
            {
                Fc2Weight = Scale(Fc2WeightV1, IrisMlpReference.Version3LogitScale),
                Fc2Bias = Scale(Fc2BiasV1, IrisMlpReference.Version3LogitScale),
            },
            _ => throw new ArgumentOutOfRangeException(nameof(version), version, "The iris MLP has versions 1, 2 and 3."),
        };
    }

    private static float[] Scale(float[] values, float factor) => [.. values.Select(v => v * factor)];
}

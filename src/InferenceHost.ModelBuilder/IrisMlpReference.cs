namespace InferenceHost.ModelBuilder;

/// <summary>
/// Predicts the outputs of the <c>iris-mlp</c> sample model in plain C#, from the same weights
/// the model file holds, so tests can check an inference path against it (to about 1e-6).
/// </summary>
public static class IrisMlpReference
{
    public const string ModelName = "iris-mlp";
    public const string InputName = "input";
    public const string ProbabilitiesName = "probabilities";
    public const string LabelName = "label";
    public const int FeatureCount = IrisMlpWeights.Features;
    public const int ClassCount = IrisMlpWeights.Classes;

    /// <summary>Version 2 adds this to the virginica (class 2) logit, nothing else changes.</summary>
    public const float Version2VirginicaBiasShift = 1.5f;

    /// <summary>Version 3 multiplies every logit by this: sharper probabilities, same labels as version 1.</summary>
    public const float Version3LogitScale = 2f;

    public static IReadOnlyList<int> Versions { get; } = [1, 2, 3];

    public static IReadOnlyList<string> ClassNames { get; } = ["setosa", "versicolor", "virginica"];

    /// <summary>Predicts one flower from its 4 features (sepal length, sepal width, petal length, petal width).</summary>
    public static IrisPrediction Predict(int version, ReadOnlySpan<float> features)
    {
        var probabilities = Softmax(Logits(version, features));
        return new IrisPrediction(probabilities, ArgMax(probabilities));
    }

    /// <summary>Predicts a batch laid out row-major as [batch, 4].</summary>
    public static IrisPrediction[] PredictBatch(int version, ReadOnlySpan<float> batch)
    {
        if (batch.Length % FeatureCount != 0)
        {
            throw new ArgumentException($"A batch holds a multiple of {FeatureCount} features, not {batch.Length}.", nameof(batch));
        }

        var predictions = new IrisPrediction[batch.Length / FeatureCount];
        for (var i = 0; i < predictions.Length; i++)
        {
            predictions[i] = Predict(version, batch.Slice(i * FeatureCount, FeatureCount));
        }

        return predictions;
    }

    /// <summary>The pre-softmax scores: fc2(relu(fc1(features))).</summary>
    public static double[] Logits(int version, ReadOnlySpan<float> features)
    {
        if (features.Length != FeatureCount)
        {
            throw new ArgumentException($"An iris flower has {FeatureCount} features, not {features.Length}.", nameof(features));
        }

        var weights = IrisMlpWeights.ForVersion(version);
        var x = new double[FeatureCount];
        for (var i = 0; i < x.Length; i++)
        {
            x[i] = features[i];
        }

        var hidden = Dense(x, weights.Fc1Weight, weights.Fc1Bias);
        for (var j = 0; j < hidden.Length; j++)
        {
            hidden[j] = Math.Max(0, hidden[j]);
        }

        return Dense(hidden, weights.Fc2Weight, weights.Fc2Bias);
    }

    // Gemm with transB=1: y[o] = bias[o] + sum_i weight[o, i] * x[i].
    private static double[] Dense(double[] x, float[] weight, float[] bias)
    {
        var y = new double[bias.Length];
        for (var o = 0; o < y.Length; o++)
        {
            var sum = (double)bias[o];
            for (var i = 0; i < x.Length; i++)
            {
                sum += weight[(o * x.Length) + i] * x[i];
            }

            y[o] = sum;
        }

        return y;
    }

    private static float[] Softmax(double[] logits)
    {
        var max = logits.Max();
        var exps = logits.Select(l => Math.Exp(l - max)).ToArray();
        var sum = exps.Sum();
        return [.. exps.Select(e => (float)(e / sum))];
    }

    // ONNX ArgMax picks the first index among equal maxima (select_last_index = 0).
    private static long ArgMax(float[] values)
    {
        var best = 0;
        for (var i = 1; i < values.Length; i++)
        {
            if (values[i] > values[best])
            {
                best = i;
            }
        }

        return best;
    }
}

using InferenceHost.Abstractions.Telemetry;

namespace InferenceHost.Telemetry.Recording;

/// <summary>How a first output reads: its kind, its rows (first dimension) and the elements per row.</summary>
internal readonly record struct OutputShape(OutputKind Kind, int Rows, int RowLength)
{
    /// <summary>Most classes a [batch, classes] output may have to be read as a classifier.</summary>
    public const int MaxClasses = 4096;

    public static OutputShape Of(long[] shape, in NumericTensor values)
    {
        if (values.IsFloatingPoint && shape.Length == 2 && shape[1] is >= 2 and <= MaxClasses)
        {
            return new OutputShape(OutputKind.Classifier, (int)shape[0], (int)shape[1]);
        }

        var rows = shape.Length == 0 ? 1 : (int)shape[0];
        return new OutputShape(OutputKind.Regressor, rows, rows == 0 ? 0 : values.Length / rows);
    }

    /// <summary>The predicted class of <paramref name="row"/>: the first largest score (NaN never wins).</summary>
    public int Top1(in NumericTensor values, int row, out double max)
    {
        var offset = row * RowLength;
        var best = 0;
        max = double.NegativeInfinity;
        for (var i = 0; i < RowLength; i++)
        {
            var score = values[offset + i];
            if (score > max)
            {
                (max, best) = (score, i);
            }
        }

        return best;
    }

    /// <summary>
    /// The top-1 probability of <paramref name="row"/>: its largest value when the row already reads as
    /// probabilities (each in [0, 1], summing to 1), else the largest of its softmax.
    /// </summary>
    public double Confidence(in NumericTensor values, int row, double max)
    {
        // Half-precision probabilities sum to 1 only within about 1e-3.
        const double SumTolerance = 2e-3;
        var offset = row * RowLength;
        double sum = 0, exponentials = 0;
        var probabilities = true;
        for (var i = 0; i < RowLength; i++)
        {
            var value = values[offset + i];
            probabilities &= value is >= 0 and <= 1;
            sum += value;
            exponentials += Math.Exp(value - max);
        }

        return probabilities && Math.Abs(sum - 1) <= SumTolerance ? max : 1 / exponentials;
    }
}

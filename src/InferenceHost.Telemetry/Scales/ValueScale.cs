namespace InferenceHost.Telemetry.Scales;

/// <summary>
/// Signed log-scaled buckets for a regressor's output values, about 5% wide: coarse enough that a
/// drift test sees shifts rather than noise. Index 0 holds |v| below <see cref="Zero"/>; positive
/// values take positive indexes and negative values the mirrored negative ones; ±<see cref="MaxIndex"/> caps very large magnitudes.
/// </summary>
public static class ValueScale
{
    public const double Zero = 1e-9;

    public const int MaxIndex = 540;

    public static readonly double Gamma = 1.1;

    private static readonly double InverseLogGamma = 1 / Math.Log(Gamma);

    /// <summary>Buckets a dense recorder needs (negative, zero and positive).</summary>
    public static int BucketCount => (2 * MaxIndex) + 1;

    /// <summary>The bucket of <paramref name="value"/>; NaN and infinities are not values (callers count them as invalid outputs).</summary>
    public static int IndexOf(double value)
    {
        var magnitude = Math.Abs(value);
        if (magnitude < Zero)
        {
            return 0;
        }

        var index = Math.Min(MaxIndex, 1 + (int)Math.Floor(Math.Log(magnitude / Zero) * InverseLogGamma));
        return value < 0 ? -index : index;
    }

    /// <summary>The value bucket <paramref name="index"/> stands for (its geometric middle).</summary>
    public static double ValueOf(int index)
    {
        if (index == 0)
        {
            return 0;
        }

        var magnitude = Zero * Math.Pow(Gamma, Math.Abs(index) - 0.5);
        return index < 0 ? -magnitude : magnitude;
    }
}

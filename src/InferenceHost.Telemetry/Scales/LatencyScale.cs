namespace InferenceHost.Telemetry.Scales;

/// <summary>
/// Log-scaled latency buckets in microseconds, each 2% wide, so any quantile read back is within 1%
/// of a recorded value (the DDSketch mapping: bucket i holds (γ^(i−1), γ^i], read as 2γ^i/(γ+1)).
/// Bucket 0 holds everything up to 1 µs; the last holds everything from about 100 s.
/// </summary>
public static class LatencyScale
{
    public const double RelativeAccuracy = 0.01;

    /// <summary>The top bucket: γ^MaxIndex ≈ 100 s.</summary>
    public const int MaxIndex = 922;

    public static readonly double Gamma = (1 + RelativeAccuracy) / (1 - RelativeAccuracy);

    private static readonly double InverseLogGamma = 1 / Math.Log(Gamma);

    /// <summary>Buckets a dense recorder needs.</summary>
    public static int BucketCount => MaxIndex + 1;

    public static int IndexOf(double microseconds) =>
        microseconds <= 1 ? 0 : Math.Min(MaxIndex, (int)Math.Ceiling(Math.Log(microseconds) * InverseLogGamma));

    /// <summary>The value bucket <paramref name="index"/> stands for, within <see cref="RelativeAccuracy"/> of every value in it.</summary>
    public static double ValueOf(int index) => index <= 0 ? 1 : 2 * Math.Pow(Gamma, index) / (Gamma + 1);
}

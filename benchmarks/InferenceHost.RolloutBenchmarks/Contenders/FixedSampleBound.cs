using InferenceHost.Telemetry.Statistics;

namespace InferenceHost.RolloutBenchmarks.Contenders;

/// <summary>
/// The textbook test, z · √variance at one-sided level α (each gate decision reads one end of the interval,
/// so a practitioner tests "is the candidate worse, p &lt; 0.05"), valid for one look only. Evaluated every
/// interval it is the "repeated looks" mistake the always-valid bound exists to avoid; here to measure what that costs.
/// </summary>
internal sealed class FixedSampleBound : IConfidenceBound
{
    public static readonly FixedSampleBound Instance = new();

    public double Radius(double variance, double alpha, double margin) => NormalQuantile(1 - alpha) * Math.Sqrt(variance);

    /// <summary>Acklam's rational approximation of the normal quantile, accurate to about 1e-9, for 0.5 ≤ p &lt; 1.</summary>
    private static double NormalQuantile(double p)
    {
        if (p > 0.97575)
        {
            var t = Math.Sqrt(-2 * Math.Log(1 - p));
            return -((((((-7.784894002430293e-03 * t) - 3.223964580411365e-01) * t - 2.400758277161838e+00) * t - 2.549732539343734e+00) * t + 4.374664141464968e+00) * t + 2.938163982698783e+00)
                / ((((7.784695709041462e-03 * t + 3.224671290700398e-01) * t + 2.445134137142996e+00) * t + 3.754408661907416e+00) * t + 1);
        }

        var q = p - 0.5;
        var r = q * q;
        return (((((-3.969683028665376e+01 * r + 2.209460984245205e+02) * r - 2.759285104469687e+02) * r + 1.383577518672690e+02) * r - 3.066479806614716e+01) * r + 2.506628277459239e+00) * q
            / (((((-5.447609879822406e+01 * r + 1.615858368580409e+02) * r - 1.556989798598866e+02) * r + 6.680131188771972e+01) * r - 1.328068155288572e+01) * r + 1);
    }
}

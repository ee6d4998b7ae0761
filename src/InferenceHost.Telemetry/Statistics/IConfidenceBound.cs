namespace InferenceHost.Telemetry.Statistics;

/// <summary>
/// Turns an estimate's variance into the radius of a confidence interval around it. The gates use
/// <see cref="NormalMixtureBound"/>; the seam exists so the decision-quality benchmark can run the
/// same gates with a fixed-sample interval and show what repeated looks cost.
/// </summary>
public interface IConfidenceBound
{
    /// <summary>The radius of a two-sided interval that misses the truth with probability at most <paramref name="alpha"/>.</summary>
    /// <param name="variance">The estimate's variance (positive: callers smooth zero counts).</param>
    /// <param name="alpha">Two-sided miss probability.</param>
    /// <param name="margin">
    /// The gate's tolerance on the interval's scale (the threshold, or the tail mass 1 − q of a latency quantile): a good
    /// candidate can pass once the radius is below it, so a bound may tune itself to be tightest there. Large regressions
    /// are far outside it and are caught earlier whatever the tuning.
    /// </param>
    double Radius(double variance, double alpha, double margin);
}

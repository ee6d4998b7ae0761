namespace InferenceHost.Telemetry.Statistics;

/// <summary>
/// An always-valid bound: Robbins' normal-mixture confidence sequence in its asymptotic form
/// (Waudby-Smith, Arbour, Sinha, Kennedy and Ramdas, "Time-uniform central limit theory and
/// asymptotic confidence sequences", 2021). With information I = 1/variance the radius is
/// √(2(Iρ²+1)/(I²ρ²) · ln(√(Iρ²+1)/α)), and the chance that the interval misses the truth at
/// <em>any</em> look, however often one looks, stays below α. That is what lets a rollout evaluate
/// its gates every few seconds forever without its error rates growing with the number of looks.
/// </summary>
/// <remarks>
/// Measuring time in information (1/variance) instead of samples makes one formula serve a single
/// proportion, a difference of two proportions with unequal and changing sample sizes (the canary
/// ladder changes them every step), and a quantile's rank.
/// </remarks>
public sealed class NormalMixtureBound : IConfidenceBound
{
    public static readonly NormalMixtureBound Instance = new();

    private NormalMixtureBound()
    {
    }

    /// <summary>
    /// The mixture's ρ is chosen, as the paper suggests, to make the sequence tightest at one
    /// information I*; here I* is where its radius reaches <paramref name="margin"/>, because that
    /// is when a good candidate can first pass (tuning at half of it, the indifference zone, made the
    /// good canary no faster and a large regression seen on few canary requests 40% slower to fail).
    /// Far from I* it is only a little looser (the dependence is logarithmic), so a rough margin costs little.
    /// </summary>
    public double Radius(double variance, double alpha, double margin)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(variance);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(margin);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(alpha);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(alpha, 1);

        // c = I*ρ², the optimum of Waudby-Smith et al. (their eq. for ρ at t*); solving radius(I*) = margin for I* follows.
        var logAlpha = -2 * Math.Log(alpha);
        var c = logAlpha + Math.Log(logAlpha + 1);
        var targetInformation = 2 * (c + 1) / (c * margin * margin) * Math.Log(Math.Sqrt(c + 1) / alpha);
        var rhoSquared = c / targetInformation;

        var information = 1 / variance;
        var spread = (information * rhoSquared) + 1;
        return Math.Sqrt(2 * spread / (information * information * rhoSquared) * Math.Log(Math.Sqrt(spread) / alpha));
    }
}

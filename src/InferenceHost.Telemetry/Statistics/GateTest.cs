namespace InferenceHost.Telemetry.Statistics;

/// <summary>How the gates turn evidence into pass, fail or inconclusive.</summary>
/// <param name="Bound">The interval around each estimate.</param>
/// <param name="FailMargin">
/// The indifference zone, as a share of each gate's tolerance: a gate fails only when the candidate
/// is shown worse than the baseline by more than this share of the threshold (0.5: half of it; for a
/// latency ratio of 1.25, slower than 1.125). Between that and the threshold either outcome is acceptable,
/// which is what lets both error rates be bounded and decisions still come in finite time.
/// </param>
/// <param name="SplitAlpha">Whether the policy's Alpha is shared by its gates (Bonferroni), so the chance of any false rollback stays below it.</param>
public sealed record GateTest(IConfidenceBound Bound, double FailMargin, bool SplitAlpha)
{
    /// <summary>The host's test: always-valid intervals, half-threshold indifference zone, Alpha split over the gates.</summary>
    public static readonly GateTest AlwaysValid = new(NormalMixtureBound.Instance, 0.5, SplitAlpha: true);

    /// <summary>0 to below 1: at 1 the zone would swallow the whole tolerance and no candidate could be shown worse.</summary>
    public double FailMargin { get; } = FailMargin is >= 0 and < 1
        ? FailMargin
        : throw new ArgumentOutOfRangeException(nameof(FailMargin), FailMargin, "the fail margin is a share of the threshold, from 0 to below 1");
}

namespace InferenceHost.RolloutBenchmarks.Simulation;

/// <summary>A candidate to roll out, and whether promoting it would be wrong.</summary>
internal sealed record Scenario(string Name, VersionBehaviour Candidate, bool IsBad)
{
    /// <summary>The streams the issue names; the baseline is <see cref="VersionBehaviour.Baseline"/> in all of them.</summary>
    public static IReadOnlyList<Scenario> All { get; } =
    [
        new("good (identical)", VersionBehaviour.Baseline with { Coupling = 0.95 }, IsBad: false),
        new("errors +2 points (0.5% → 2.5%)", VersionBehaviour.Baseline with { ErrorRate = 0.025, Coupling = 0.95 }, IsBad: true),

        // σ from 0.4 to 0.4 + ln(1.3)/1.645: p95 exactly 30% slower, median unchanged.
        new("30% slower at p95", VersionBehaviour.Baseline with { Sigma = 0.4 + (Math.Log(1.3) / 1.645), Coupling = 0.95 }, IsBad: true),

        // Class 0 loses ten points; agreement on mirrored pairs falls to about 85%.
        new("drifting predictions", VersionBehaviour.Baseline with { ClassShares = [0.4, 0.35, 0.25], Coupling = 0.8 }, IsBad: true),
        new("NaN for 1% of inputs", VersionBehaviour.Baseline with { NaNRate = 0.01, Coupling = 0.95 }, IsBad: true),
    ];
}

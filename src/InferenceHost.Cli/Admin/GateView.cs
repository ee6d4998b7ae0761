namespace InferenceHost.Cli.Admin;

/// <summary>One gate's numbers at one evaluation; null where the server has none.</summary>
internal sealed record GateView(
    string Metric,
    double Threshold,
    string Outcome,
    double? Candidate,
    double? Baseline,
    double? Estimate,
    double? Lower,
    double? Upper,
    long Samples,
    string Detail);

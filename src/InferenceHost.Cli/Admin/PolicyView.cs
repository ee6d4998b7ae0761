namespace InferenceHost.Cli.Admin;

/// <summary>A rollout policy as the API writes it (and takes it back); durations as the API spells them, e.g. <c>1m</c>.</summary>
internal sealed record PolicyView(
    string Mode,
    int ShadowPercent,
    IReadOnlyList<int> Steps,
    string StepInterval,
    long StepMinRequests,
    string EvaluationInterval,
    string MaxDuration,
    double Alpha,
    double Beta,
    IReadOnlyList<PolicyGate> Gates);

namespace InferenceHost.Cli.Admin;

/// <summary>A rollout as <c>GET /admin/v1/models/{m}/rollout</c> answers it; <see cref="EndedAt"/> is null while it runs.</summary>
internal sealed record RolloutView(
    string Model,
    long Number,
    string Candidate,
    string Baseline,
    string Phase,
    int Step,
    int CanaryWeight,
    bool Paused,
    DateTimeOffset StartedAt,
    DateTimeOffset PhaseStartedAt,
    DateTimeOffset? EndedAt,
    string StartedBy,
    PolicyView Policy,
    DecisionView Latest);

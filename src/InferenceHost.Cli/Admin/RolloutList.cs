namespace InferenceHost.Cli.Admin;

/// <summary><c>GET /admin/v1/models/{m}/rollouts</c>: newest first.</summary>
internal sealed record RolloutList(IReadOnlyList<RolloutView> Rollouts);

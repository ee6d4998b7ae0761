namespace InferenceHost.Cli.Admin;

/// <summary><c>GET /admin/v1/models</c>.</summary>
internal sealed record ModelList(IReadOnlyList<ModelEntry> Models);

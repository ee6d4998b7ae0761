namespace InferenceHost.Cli.Admin;

/// <summary>What the API answers when it refuses: <c>{"error": "..."}</c>.</summary>
internal sealed record ErrorBody(string? Error);

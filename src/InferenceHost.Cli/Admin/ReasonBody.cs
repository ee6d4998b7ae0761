namespace InferenceHost.Cli.Admin;

/// <summary>The body of a rollout command: why, for the decision and the audit log.</summary>
internal sealed record ReasonBody(string Reason);

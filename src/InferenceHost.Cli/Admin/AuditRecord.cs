namespace InferenceHost.Cli.Admin;

/// <summary>One change: who did what to which model, when, and the deployment before and after.</summary>
internal sealed record AuditRecord(long Sequence, DateTimeOffset At, string Actor, string Action, string Model, string Before, string After);

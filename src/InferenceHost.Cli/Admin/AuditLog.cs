namespace InferenceHost.Cli.Admin;

/// <summary><c>GET /admin/v1/audit</c>: the newest entries, oldest first.</summary>
internal sealed record AuditLog(IReadOnlyList<AuditRecord> Entries);

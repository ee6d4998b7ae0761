namespace InferenceHost.Abstractions.Management;

/// <summary>The persisted audit log of every management change (key <c>default</c>), newest last.</summary>
[Alias("InferenceHost.IAuditLogGrain")]
public interface IAuditLogGrain : IGrainWithStringKey
{
    public const string DefaultKey = "default";

    /// <summary>Appends an entry; <see cref="AuditEntry.Sequence"/> is assigned by the log.</summary>
    [Alias("Append")]
    Task<AuditEntry> Append(AuditEntry entry);

    /// <summary>The newest <paramref name="limit"/> entries, oldest first; only those of <paramref name="model"/> when given.</summary>
    [Alias("Recent")]
    Task<IReadOnlyList<AuditEntry>> Recent(int limit, string? model);
}

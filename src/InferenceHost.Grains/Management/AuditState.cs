using InferenceHost.Abstractions.Management;

namespace InferenceHost.Grains.Management;

/// <summary>The persisted audit log: the newest entries and the next sequence number.</summary>
[GenerateSerializer, Alias("InferenceHost.AuditState")]
public sealed class AuditState
{
    /// <summary>Entries kept; older ones are dropped first.</summary>
    public const int Capacity = 10_000;

    [Id(0)]
    public List<AuditEntry> Entries { get; set; } = [];

    [Id(1)]
    public long NextSequence { get; set; } = 1;
}

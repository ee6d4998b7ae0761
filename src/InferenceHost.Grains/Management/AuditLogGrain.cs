using InferenceHost.Abstractions.Management;

namespace InferenceHost.Grains.Management;

/// <summary>The audit log: one activation serialises appends, so sequence numbers have no gaps or repeats.</summary>
public sealed class AuditLogGrain(
    [PersistentState("audit", GrainStorage.Name)] IPersistentState<AuditState> state) : Grain, IAuditLogGrain
{
    public async Task<AuditEntry> Append(AuditEntry entry)
    {
        var stored = entry with { Sequence = state.State.NextSequence };
        state.State.NextSequence++;
        state.State.Entries.Add(stored);
        if (state.State.Entries.Count > AuditState.Capacity)
        {
            state.State.Entries.RemoveRange(0, state.State.Entries.Count - AuditState.Capacity);
        }

        await state.WriteStateAsync();
        return stored;
    }

    public Task<IReadOnlyList<AuditEntry>> Recent(int limit, string? model)
    {
        var matching = new List<AuditEntry>();
        var entries = state.State.Entries;
        for (var i = entries.Count - 1; i >= 0 && matching.Count < limit; i--)
        {
            if (model is null || entries[i].Model == model)
            {
                matching.Add(entries[i]);
            }
        }

        matching.Reverse();
        return Task.FromResult<IReadOnlyList<AuditEntry>>(matching);
    }
}

using System.Collections.Concurrent;
using InferenceHost.Abstractions.Rollouts;

namespace InferenceHost.Telemetry.Publishing;

/// <summary>
/// The rollouts this silo knows of, for the metrics: each model's rollout grain publishes its status
/// here whenever it evaluates. An entry not refreshed within <see cref="Expiry"/> is gone, so a rollout
/// whose grain moved to another silo (or finished and stopped publishing) stops showing here.
/// </summary>
public sealed class RolloutBoard(TimeProvider time)
{
    /// <summary>How long a published status shows without being published again.</summary>
    public static readonly TimeSpan Expiry = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>Shows <paramref name="status"/> as its model's rollout for the next <see cref="Expiry"/>.</summary>
    public void Publish(RolloutStatus status) => _entries[status.Model] = new Entry(status, time.GetUtcNow());

    /// <summary>The rollouts published within <see cref="Expiry"/>; older ones are removed.</summary>
    public IReadOnlyList<RolloutStatus> Current()
    {
        var now = time.GetUtcNow();
        var current = new List<RolloutStatus>(_entries.Count);
        foreach (var (model, entry) in _entries)
        {
            if (now - entry.At < Expiry)
            {
                current.Add(entry.Status);
            }
            else
            {
                // Only this entry: a newer publish in between stays.
                _entries.TryRemove(KeyValuePair.Create(model, entry));
            }
        }

        return current;
    }

    private readonly record struct Entry(RolloutStatus Status, DateTimeOffset At);
}

using InferenceHost.Abstractions.Telemetry;

namespace InferenceHost.Grains.Telemetry;

/// <summary>
/// A model's telemetry in fixed-width time buckets per (version, slot), oldest pruned past the
/// retention. Deltas land in the bucket of the time their recording began (never in the future), so a window that
/// opens after a flush never counts what that flush carried from before it; the bucket holding a window's start is
/// counted whole, so requests in the same second before the start may count.
/// </summary>
internal sealed class TelemetryBuckets(TimeSpan width, TimeSpan retention)
{
    private readonly SortedDictionary<long, Dictionary<(string Version, string Slot), VersionAggregate>> _buckets = [];

    /// <summary>When the newest delta arrived.</summary>
    public DateTimeOffset LastAdded { get; private set; } = DateTimeOffset.UnixEpoch;

    /// <summary>Adds what a silo's delta recorded per (version, slot), as of <paramref name="at"/>.</summary>
    public void Add(DateTimeOffset at, IEnumerable<SlotTelemetry> slots)
    {
        foreach (var slot in slots)
        {
            Add(at, slot.Version, slot.Slot, slot.Counts);
        }
    }

    public void Add(DateTimeOffset at, string version, string slot, VersionAggregate counts)
    {
        var key = BucketOf(at);
        if (!_buckets.TryGetValue(key, out var bucket))
        {
            bucket = [];
            _buckets.Add(key, bucket);
            Prune(at);
        }

        bucket[(version, slot)] = bucket.TryGetValue((version, slot), out var held) ? held.Merge(counts) : counts;
        LastAdded = at > LastAdded ? at : LastAdded;
    }

    /// <summary>Every (version, slot) merged over the buckets that start at or after the bucket holding <paramref name="since"/>, by version then slot.</summary>
    public IReadOnlyList<SlotTelemetry> Since(DateTimeOffset since)
    {
        var merged = new Dictionary<(string Version, string Slot), VersionAggregate>();
        foreach (var bucket in BucketsSince(since))
        {
            foreach (var (key, counts) in bucket)
            {
                merged[key] = merged.TryGetValue(key, out var held) ? held.Merge(counts) : counts;
            }
        }

        return [.. merged
            .OrderBy(static p => p.Key.Version.Length).ThenBy(static p => p.Key.Version, StringComparer.Ordinal)
            .ThenBy(static p => p.Key.Slot, StringComparer.Ordinal)
            .Select(static p => new SlotTelemetry(p.Key.Version, p.Key.Slot, p.Value))];
    }

    /// <summary>One version over all its slots since <paramref name="since"/>.</summary>
    public VersionAggregate Version(string version, DateTimeOffset since)
    {
        var total = VersionAggregate.Empty;
        foreach (var bucket in BucketsSince(since))
        {
            foreach (var (key, counts) in bucket)
            {
                if (string.Equals(key.Version, version, StringComparison.Ordinal))
                {
                    total = total.Merge(counts);
                }
            }
        }

        return total;
    }

    /// <summary>Every (version, slot)'s counts in each bucket that starts from <paramref name="from"/> up to (not including) <paramref name="to"/>, with the bucket's start, oldest first.</summary>
    public IEnumerable<(DateTimeOffset Start, SlotTelemetry Slot)> Between(DateTimeOffset from, DateTimeOffset to)
    {
        var first = FirstBucketFrom(from);
        foreach (var (key, bucket) in _buckets.Where(b => b.Key >= first && b.Key * width.Ticks < to.UtcTicks))
        {
            var start = new DateTimeOffset(key * width.Ticks, TimeSpan.Zero);
            foreach (var ((version, slot), counts) in bucket)
            {
                yield return (start, new SlotTelemetry(version, slot, counts));
            }
        }
    }

    private IEnumerable<Dictionary<(string Version, string Slot), VersionAggregate>> BucketsSince(DateTimeOffset since)
    {
        var first = BucketOf(since);
        return _buckets.Where(b => b.Key >= first).Select(static b => b.Value);
    }

    /// <summary>The first bucket that starts at or after <paramref name="from"/>.</summary>
    private long FirstBucketFrom(DateTimeOffset from) => (from.UtcTicks + width.Ticks - 1) / width.Ticks;

    private void Prune(DateTimeOffset now)
    {
        var oldest = BucketOf(now - retention);
        while (_buckets.Count > 0 && _buckets.First().Key < oldest)
        {
            _buckets.Remove(_buckets.First().Key);
        }
    }

    private long BucketOf(DateTimeOffset at) => at.UtcTicks / width.Ticks;
}

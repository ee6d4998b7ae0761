using InferenceHost.Abstractions.Telemetry;

namespace InferenceHost.Grains.Telemetry;

/// <summary>
/// The answered requests of one model that feedback can still name, by id: at most a capacity,
/// none older than the retention, the oldest dropped first. A reused id names its newest request.
/// </summary>
internal sealed class ServedRequestIndex(int capacity, TimeSpan retention)
{
    private readonly Dictionary<string, Entry> _byId = new(StringComparer.Ordinal);
    private readonly Queue<(string Id, long Sequence)> _order = new();
    private long _sequence;

    public int Count => _byId.Count;

    public void Add(ServedPrediction served, DateTimeOffset now)
    {
        var sequence = ++_sequence;
        _byId[served.Id] = new Entry(served, sequence, Labelled: false);
        _order.Enqueue((served.Id, sequence));
        Evict(now);
    }

    /// <summary>The request <paramref name="id"/> names, unless unknown or expired.</summary>
    public bool TryGet(string id, DateTimeOffset now, out ServedPrediction served, out bool labelled)
    {
        Evict(now);
        if (_byId.TryGetValue(id, out var entry))
        {
            (served, labelled) = (entry.Served, entry.Labelled);
            return true;
        }

        (served, labelled) = (null!, false);
        return false;
    }

    public void MarkLabelled(string id)
    {
        if (_byId.TryGetValue(id, out var entry))
        {
            _byId[id] = entry with { Labelled = true };
        }
    }

    private void Evict(DateTimeOffset now)
    {
        var oldest = now - retention;
        while (_order.TryPeek(out var head)
            && (_byId.Count > capacity || !_byId.TryGetValue(head.Id, out var entry) || entry.Sequence != head.Sequence || entry.Served.At < oldest))
        {
            _order.Dequeue();

            // Only the id's newest request leaves with it: an older queue slot of a reused id is just skipped.
            if (_byId.TryGetValue(head.Id, out var current) && current.Sequence == head.Sequence)
            {
                _byId.Remove(head.Id);
            }
        }
    }

    private readonly record struct Entry(ServedPrediction Served, long Sequence, bool Labelled);
}

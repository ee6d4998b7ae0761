using InferenceHost.Abstractions.Telemetry;

namespace InferenceHost.Telemetry.Recording;

/// <summary>
/// A preallocated ring of the answers that carried an id, written by many request threads without a
/// lock and read by one flusher. Each entry is stamped with its sequence number once written (-1 while
/// being written), so the reader can tell a finished entry from one still being written (it waits for
/// the next read) and from one a later writer already overwrote (lost: the ring overflowed).
/// </summary>
internal sealed class ServedJournal
{
    /// <summary>Rows journalled per request at most; a larger batch is not journalled (and counted dropped).</summary>
    public const int MaxRows = 32;

    private const long Writing = -1;
    private const long Empty = -2;

    private readonly Entry[] _entries;
    private readonly double[] _predictions;
    private long _next;
    private long _read;
    private long _dropped;

    public ServedJournal(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _entries = new Entry[capacity];
        _predictions = new double[capacity * MaxRows];
        foreach (ref var entry in _entries.AsSpan())
        {
            entry.Sequence = Empty;
        }
    }

    public int Capacity => _entries.Length;

    /// <summary>Answers not journalled or lost before a read: too many rows, or overwritten by newer ones.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Journals an answer of <paramref name="rows"/> rows, their predictions first in <paramref name="predictions"/>.</summary>
    public void Write(string model, string id, string version, string slot, OutputKind kind, int rows, ReadOnlySpan<double> predictions, DateTimeOffset at)
    {
        if (rows > MaxRows || rows > predictions.Length)
        {
            Interlocked.Increment(ref _dropped);
            return;
        }

        var sequence = Interlocked.Increment(ref _next) - 1;
        var index = (int)(sequence % _entries.Length);
        ref var entry = ref _entries[index];
        var spin = default(SpinWait);
        while (true)
        {
            var previous = Volatile.Read(ref entry.Sequence);
            if (previous > sequence)
            {
                // A writer a whole ring later already took the entry: this answer is lost, which the reader counts.
                return;
            }

            if (previous != Writing && Interlocked.CompareExchange(ref entry.Sequence, Writing, previous) == previous)
            {
                break;
            }

            spin.SpinOnce();
        }

        (entry.Model, entry.Id, entry.Version, entry.Slot, entry.Kind, entry.Rows, entry.At) =
            (model, id, version, slot, kind, rows, at);
        predictions[..rows].CopyTo(_predictions.AsSpan(index * MaxRows, rows));
        Volatile.Write(ref entry.Sequence, sequence);
    }

    /// <summary>Adds every entry written since the previous read to <paramref name="served"/>, per model. One reader at a time.</summary>
    public void ReadInto(Dictionary<string, List<ServedPrediction>> served)
    {
        var end = Interlocked.Read(ref _next);
        if (end - _read > _entries.Length)
        {
            Interlocked.Add(ref _dropped, end - _entries.Length - _read);
            _read = end - _entries.Length;
        }

        for (; _read < end; _read++)
        {
            var index = (int)(_read % _entries.Length);
            ref var entry = ref _entries[index];
            var stamp = Volatile.Read(ref entry.Sequence);
            if (stamp == Writing || stamp < _read)
            {
                // Still being written: read it (and what follows) next time.
                return;
            }

            var (model, id, version, slot, kind, rows, at) = (entry.Model, entry.Id, entry.Version, entry.Slot, entry.Kind, entry.Rows, entry.At);
            var predictions = _predictions.AsSpan(index * MaxRows, rows).ToArray();
            Interlocked.MemoryBarrier();
            if (stamp > _read || Volatile.Read(ref entry.Sequence) != _read)
            {
                Interlocked.Increment(ref _dropped);
                continue;
            }

            if (!served.TryGetValue(model!, out var list))
            {
                served[model!] = list = [];
            }

            list.Add(new ServedPrediction(id!, version!, slot!, kind, predictions, at));
        }
    }

    private struct Entry
    {
        public long Sequence;
        public string? Model;
        public string? Id;
        public string? Version;
        public string? Slot;
        public OutputKind Kind;
        public int Rows;
        public DateTimeOffset At;
    }
}

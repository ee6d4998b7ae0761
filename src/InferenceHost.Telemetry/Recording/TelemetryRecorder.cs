using System.Collections.Concurrent;
using InferenceHost.Abstractions.Inference;
using InferenceHost.Abstractions.Routing;
using InferenceHost.Abstractions.Telemetry;

namespace InferenceHost.Telemetry.Recording;

/// <summary>
/// What this silo's requests did, per (model, version, slot), recorded on the request path without a
/// lock, a grain call or an allocation once a slot has been seen: cumulative counters in preallocated
/// arrays, and a bounded ring of the answers that carried an id (for joining feedback).
/// <see cref="TakeDeltas"/> turns what changed since its previous call into one
/// <see cref="TelemetryDelta"/> per model, about once a second; that is where allocation happens.
/// </summary>
public sealed class TelemetryRecorder
{
    /// <summary>Answers with an id journalled between two <see cref="TakeDeltas"/> calls by default.</summary>
    public const int DefaultServedCapacity = 16_384;

    private readonly ConcurrentDictionary<SlotKey, SlotRecorder> _slots = new();
    private readonly ServedJournal _served;
    private readonly TimeProvider _time;
    private readonly Lock _takeLock = new();
    private readonly long[] _scratch = new long[SlotRecorder.ScratchLength];
    private DateTimeOffset _previousTake;

    public TelemetryRecorder(TimeProvider time, int servedCapacity = DefaultServedCapacity)
    {
        _time = time;
        _served = new ServedJournal(servedCapacity);
        _previousTake = time.GetUtcNow();
    }

    /// <summary>Answers with an id that never reached a delta: the journal overflowed between two takes, or the batch had more rows than <see cref="ServedJournal.MaxRows"/>.</summary>
    public long ServedDropped => _served.Dropped;

    /// <summary>
    /// Counts an answer: its latency, batch size, whether any floating-point output holds NaN or ±Infinity,
    /// and a summary of <paramref name="summaryOutput"/> (the model's first declared output; the answer's first
    /// when null): a classifier's top-1 class and confidence, else a regressor's values. An answer without that
    /// output is counted but not summarised. An answer with an id is journalled for feedback, except a shadow's:
    /// a shadow served nobody.
    /// </summary>
    public void RecordAnswered(
        string model, string version, string slot, TimeSpan elapsed, InferenceRequest request, InferenceResponse response, string? summaryOutput = null)
    {
        Span<double> predictions = stackalloc double[ServedJournal.MaxRows];
        var shape = Slot(model, version, slot).Answered(elapsed, BatchSizes.Of(request), response, predictions, summaryOutput);
        if (request.Id is { } id && shape.Kind != OutputKind.None && slot != SlotNames.Shadow)
        {
            _served.Write(model, id, version, slot, shape.Kind, shape.Rows, predictions, _time.GetUtcNow());
        }
    }

    /// <summary>Counts a request the version failed, by why.</summary>
    public void RecordFailed(string model, string version, string slot, RequestFailure failure) =>
        Slot(model, version, slot).Failed(failure);

    /// <summary>
    /// Counts how <paramref name="shadowVersion"/>'s answer agreed with the primary's on the same request,
    /// under the shadow's slot <c>shadow</c>: rows paired, top-1 agreements of classifiers, and the sum of
    /// absolute differences over the summarised output's elements (see <see cref="RecordAnswered"/>).
    /// </summary>
    public void RecordShadowPair(string model, string shadowVersion, InferenceResponse primary, InferenceResponse shadow, string? summaryOutput = null) =>
        Slot(model, shadowVersion, SlotNames.Shadow).Paired(primary, shadow, summaryOutput);

    /// <summary>The cumulative counts of every (model, version, slot) recorded here.</summary>
    public IReadOnlyList<SlotCounters> Counters()
    {
        var counters = new List<SlotCounters>(_slots.Count);
        foreach (var (key, slot) in _slots)
        {
            counters.Add(slot.Counters(key.Model, key.Version, key.Slot));
        }

        return counters;
    }

    /// <summary>The models recorded here.</summary>
    public IReadOnlyCollection<string> Models()
    {
        var models = new HashSet<string>(StringComparer.Ordinal);
        foreach (var key in _slots.Keys)
        {
            models.Add(key.Model);
        }

        return models;
    }

    /// <summary>
    /// Per model with anything new, what was recorded since the previous call (each slot's counts
    /// minus what was taken before) and the answers journalled since, stamped <paramref name="silo"/>, now, and the
    /// previous take's time (when what the delta holds began to be recorded).
    /// Calls are serialised; recording goes on meanwhile.
    /// </summary>
    public IReadOnlyDictionary<string, TelemetryDelta> TakeDeltas(string silo)
    {
        lock (_takeLock)
        {
            var at = _time.GetUtcNow();
            var from = _previousTake;
            _previousTake = at;
            var slots = new Dictionary<string, List<SlotTelemetry>>(StringComparer.Ordinal);
            foreach (var (key, slot) in _slots)
            {
                if (slot.TakeDelta(_scratch) is { } counts)
                {
                    if (!slots.TryGetValue(key.Model, out var list))
                    {
                        slots[key.Model] = list = [];
                    }

                    list.Add(new SlotTelemetry(key.Version, key.Slot, counts));
                }
            }

            var served = new Dictionary<string, List<ServedPrediction>>(StringComparer.Ordinal);
            _served.ReadInto(served);
            var deltas = new Dictionary<string, TelemetryDelta>(StringComparer.Ordinal);
            foreach (var model in slots.Keys.Union(served.Keys))
            {
                deltas[model] = new TelemetryDelta(
                    silo,
                    at,
                    slots.TryGetValue(model, out var changed) ? changed : [],
                    served.TryGetValue(model, out var answers) ? answers : [])
                {
                    RecordedFrom = from,
                };
            }

            return deltas;
        }
    }

    private SlotRecorder Slot(string model, string version, string slot)
    {
        var key = new SlotKey(model, version, slot);
        return _slots.TryGetValue(key, out var recorder) ? recorder : _slots.GetOrAdd(key, static _ => new SlotRecorder());
    }

    private readonly record struct SlotKey(string Model, string Version, string Slot);
}

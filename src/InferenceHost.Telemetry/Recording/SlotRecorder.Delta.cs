using InferenceHost.Abstractions.Telemetry;
using InferenceHost.Telemetry.Scales;

namespace InferenceHost.Telemetry.Recording;

internal sealed partial class SlotRecorder
{
    // What the previous TakeDelta sent: touched only by TakeDelta, which its caller serialises.
    private readonly long[] _sentCounters = new long[CounterCount];
    private readonly long[] _sentLatency = new long[LatencyScale.BucketCount];
    private readonly long[] _sentBatchSizes = new long[BatchSizes.Max + 1];
    private long[]? _sentClasses;
    private long[]? _sentValues;
    private double _sentAbsoluteDifference;

    /// <summary>
    /// What was recorded since the previous call, or null when nothing was. Each counter is read once,
    /// so a request recorded meanwhile lands whole in this delta or the next, never twice or never.
    /// </summary>
    /// <param name="scratch">A buffer of at least <see cref="ScratchLength"/>, reused across calls.</param>
    public VersionAggregate? TakeDelta(long[] scratch)
    {
        Span<long> counters = stackalloc long[CounterCount];
        var any = false;
        for (var i = 0; i < CounterCount; i++)
        {
            var now = Volatile.Read(ref _counters[i]);
            counters[i] = now - _sentCounters[i];
            _sentCounters[i] = now;
            any |= counters[i] != 0;
        }

        var absoluteDifference = Volatile.Read(ref _absoluteDifference);
        var newDifference = absoluteDifference - _sentAbsoluteDifference;
        _sentAbsoluteDifference = absoluteDifference;

        var latency = Sparse(_latency, _sentLatency, 0, scratch);
        var batchSizes = Sparse(_batchSizes, _sentBatchSizes, 0, scratch);
        var classes = Volatile.Read(ref _classes) is { } counted
            ? Sparse(counted, _sentClasses ??= new long[counted.Length], 0, scratch)
            : SparseHistogram.Empty;
        var values = Volatile.Read(ref _values) is { } bucketed
            ? Sparse(bucketed, _sentValues ??= new long[bucketed.Length], -ValueScale.MaxIndex, scratch)
            : SparseHistogram.Empty;
        if (!any && newDifference == 0 && latency.Indexes.Length == 0 && batchSizes.Indexes.Length == 0 && classes.Indexes.Length == 0 && values.Indexes.Length == 0)
        {
            return null;
        }

        // A request counted on one side of a read and not the other lands partly here, partly in the next delta:
        // a summary is kept whenever any of its counters moved, so nothing is dropped with an "empty" one.
        var outputs = counters[Rows] == 0 && counters[Confidence] == 0 && classes.Indexes.Length == 0 && values.Indexes.Length == 0
            ? OutputSummary.Empty
            : new OutputSummary((OutputKind)Volatile.Read(ref _kind), counters[Rows], classes, counters[Confidence] / ConfidenceScale, values);
        var agreement = counters[Pairs] == 0 && counters[Agreements] == 0 && counters[Elements] == 0 && newDifference == 0
            ? AgreementSummary.Empty
            : new AgreementSummary(counters[Pairs], counters[Agreements], newDifference, counters[Elements]);
        return new VersionAggregate(
            counters[Requests],
            counters[BadInput],
            counters[ModelFailures],
            counters[Timeouts],
            counters[InvalidOutputs],
            latency,
            batchSizes,
            outputs,
            agreement,
            FeedbackSummary.Empty);
    }

    /// <summary>The scratch buffer <see cref="TakeDelta"/> needs: the longest dense array.</summary>
    public static int ScratchLength => Math.Max(Math.Max(LatencyScale.BucketCount, ValueScale.BucketCount), Math.Max(OutputShape.MaxClasses, BatchSizes.Max + 1));

    private static SparseHistogram Sparse(long[] current, long[] sent, int offset, long[] scratch)
    {
        var nonEmpty = 0;
        for (var i = 0; i < current.Length; i++)
        {
            var now = Volatile.Read(ref current[i]);
            scratch[i] = now - sent[i];
            sent[i] = now;
            nonEmpty += scratch[i] != 0 ? 1 : 0;
        }

        if (nonEmpty == 0)
        {
            return SparseHistogram.Empty;
        }

        var indexes = new int[nonEmpty];
        var counts = new long[nonEmpty];
        for (int i = 0, j = 0; i < current.Length; i++)
        {
            if (scratch[i] != 0)
            {
                indexes[j] = i + offset;
                counts[j++] = scratch[i];
            }
        }

        return new SparseHistogram(indexes, counts);
    }
}

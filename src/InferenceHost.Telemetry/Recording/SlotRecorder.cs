using InferenceHost.Abstractions.Inference;
using InferenceHost.Abstractions.Telemetry;
using InferenceHost.Telemetry.Scales;

namespace InferenceHost.Telemetry.Recording;

/// <summary>
/// One (model, version, slot)'s cumulative counts in preallocated arrays, updated with Interlocked:
/// many request threads record at once without a lock and without allocating. The class and value
/// arrays are made on the first classifier or regressor answer, once per slot.
/// </summary>
internal sealed partial class SlotRecorder
{
    /// <summary>Regressor elements summarised per answer at most, so a large output costs bounded time.</summary>
    public const int MaxValuesPerAnswer = 65_536;

    private const int Requests = 0;
    private const int BadInput = 1;
    private const int ModelFailures = 2;
    private const int Timeouts = 3;
    private const int InvalidOutputs = 4;
    private const int Rows = 5;
    private const int Confidence = 6;
    private const int Pairs = 7;
    private const int Agreements = 8;
    private const int Elements = 9;
    private const int CounterCount = 10;

    // Confidence sums in millionths: a long holds 9·10^12 rows of them, and a row's error is at most 5·10^-7.
    private const double ConfidenceScale = 1e6;

    private readonly long[] _counters = new long[CounterCount];
    private readonly long[] _latency = new long[LatencyScale.BucketCount];
    private readonly long[] _batchSizes = new long[BatchSizes.Max + 1];
    private long[]? _classes;
    private long[]? _values;
    private double _absoluteDifference;
    private int _kind;

    public SlotCounters Counters(string model, string version, string slot) => new(
        model,
        version,
        slot,
        Volatile.Read(ref _counters[Requests]),
        Volatile.Read(ref _counters[BadInput]),
        Volatile.Read(ref _counters[ModelFailures]),
        Volatile.Read(ref _counters[Timeouts]),
        Volatile.Read(ref _counters[InvalidOutputs]),
        Volatile.Read(ref _counters[Pairs]),
        Volatile.Read(ref _counters[Agreements]));

    /// <summary>
    /// Counts an answer and summarises its first output; writes the per-row predictions (top-1 class or
    /// first value) into <paramref name="predictions"/> as far as it reaches. An answer with NaN or
    /// infinities is counted invalid and not summarised: its kind comes back <see cref="OutputKind.None"/>.
    /// </summary>
    public OutputShape Answered(TimeSpan elapsed, long batchSize, InferenceResponse response, Span<double> predictions, string? summaryOutput = null)
    {
        Interlocked.Increment(ref _latency[LatencyScale.IndexOf(elapsed.Ticks / (double)TimeSpan.TicksPerMicrosecond)]);
        Interlocked.Increment(ref _batchSizes[BatchSizes.IndexOf(batchSize)]);
        Interlocked.Increment(ref _counters[Requests]);
        if (IsInvalid(response.Outputs))
        {
            Interlocked.Increment(ref _counters[InvalidOutputs]);
            return default;
        }

        var summarised = SummaryIndex(response.Outputs, summaryOutput);
        if (summarised < 0 || !NumericTensor.TryCreate(response.Outputs[summarised], out var values))
        {
            return default;
        }

        var shape = OutputShape.Of(response.Outputs[summarised].Shape, values);
        if (Volatile.Read(ref _kind) != (int)shape.Kind)
        {
            Volatile.Write(ref _kind, (int)shape.Kind);
        }

        if (shape.Kind == OutputKind.Classifier)
        {
            SummariseClasses(shape, values, predictions);
        }
        else
        {
            SummariseValues(shape, values, predictions);
        }

        Interlocked.Add(ref _counters[Rows], shape.Rows);
        return shape;
    }

    public void Failed(RequestFailure failure)
    {
        Interlocked.Increment(ref _counters[failure switch
        {
            RequestFailure.BadInput => BadInput,
            RequestFailure.Timeout => Timeouts,
            _ => ModelFailures,
        }]);
        Interlocked.Increment(ref _counters[Requests]);
    }

    /// <summary>Compares the shadow's summarised output (this slot's) with the primary's on the same request.</summary>
    public void Paired(InferenceResponse primary, InferenceResponse shadow, string? summaryOutput = null)
    {
        var (left, right) = (SummaryIndex(primary.Outputs, summaryOutput), SummaryIndex(shadow.Outputs, summaryOutput));
        if (left < 0 || right < 0
            || !NumericTensor.TryCreate(primary.Outputs[left], out var expected) || !NumericTensor.TryCreate(shadow.Outputs[right], out var actual))
        {
            return;
        }

        var shape = OutputShape.Of(primary.Outputs[left].Shape, expected);
        var sameShape = primary.Outputs[left].Shape.AsSpan().SequenceEqual(shadow.Outputs[right].Shape);
        if (sameShape && shape.Kind == OutputKind.Classifier && actual.IsFloatingPoint)
        {
            long agreements = 0;
            for (var row = 0; row < shape.Rows; row++)
            {
                agreements += shape.Top1(expected, row, out _) == shape.Top1(actual, row, out _) ? 1 : 0;
            }

            Interlocked.Add(ref _counters[Agreements], agreements);
        }

        if (sameShape)
        {
            long elements = 0;
            double difference = 0;
            for (var i = 0; i < expected.Length; i++)
            {
                var delta = Math.Abs(actual[i] - expected[i]);
                if (double.IsFinite(delta))
                {
                    difference += delta;
                    elements++;
                }
            }

            AddDouble(ref _absoluteDifference, difference);
            Interlocked.Add(ref _counters[Elements], elements);
        }

        // A shadow answering another shape disagrees on every row.
        Interlocked.Add(ref _counters[Pairs], shape.Rows);
    }

    /// <summary>
    /// Where the summarised output is: the one named (the model's first declared output, so a client that asks for
    /// other outputs only does not mix another tensor into the summary), else the first; −1 when absent.
    /// </summary>
    private static int SummaryIndex(IReadOnlyList<InferenceTensor> outputs, string? name)
    {
        if (name is null)
        {
            return outputs.Count > 0 ? 0 : -1;
        }

        for (var i = 0; i < outputs.Count; i++)
        {
            if (string.Equals(outputs[i].Name, name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool IsInvalid(IReadOnlyList<InferenceTensor> outputs)
    {
        for (var i = 0; i < outputs.Count; i++)
        {
            if (NumericTensor.TryCreate(outputs[i], out var values) && values.HasNonFinite())
            {
                return true;
            }
        }

        return false;
    }

    private static long[] Ensure(ref long[]? counts, int length) =>
        Volatile.Read(ref counts) ?? Interlocked.CompareExchange(ref counts, new long[length], null) ?? counts!;

    private static void AddDouble(ref double target, double value)
    {
        var seen = Volatile.Read(ref target);
        while (true)
        {
            var found = Interlocked.CompareExchange(ref target, seen + value, seen);
            if (found.Equals(seen))
            {
                return;
            }

            seen = found;
        }
    }

    private void SummariseClasses(OutputShape shape, in NumericTensor values, Span<double> predictions)
    {
        var classes = Ensure(ref _classes, OutputShape.MaxClasses);
        double confidence = 0;
        for (var row = 0; row < shape.Rows; row++)
        {
            var top1 = shape.Top1(values, row, out var max);
            Interlocked.Increment(ref classes[top1]);
            confidence += shape.Confidence(values, row, max);
            if (row < predictions.Length)
            {
                predictions[row] = top1;
            }
        }

        Interlocked.Add(ref _counters[Confidence], (long)Math.Round(confidence * ConfidenceScale));
    }

    private void SummariseValues(OutputShape shape, in NumericTensor values, Span<double> predictions)
    {
        var buckets = Ensure(ref _values, ValueScale.BucketCount);
        var count = Math.Min(values.Length, MaxValuesPerAnswer);
        for (var i = 0; i < count; i++)
        {
            Interlocked.Increment(ref buckets[ValueScale.IndexOf(values[i]) + ValueScale.MaxIndex]);
        }

        for (var row = 0; row < Math.Min(shape.Rows, predictions.Length) && shape.RowLength > 0; row++)
        {
            predictions[row] = values[row * shape.RowLength];
        }
    }
}

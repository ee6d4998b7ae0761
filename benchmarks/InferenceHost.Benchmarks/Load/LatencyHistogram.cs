using System.Numerics;

namespace InferenceHost.Benchmarks.Load;

/// <summary>
/// Latencies in log-linear buckets (64 per power of two, so any value is known within 0.8%),
/// allocated once per worker: recording allocates nothing, so the harness does not trigger the
/// garbage collections it would then measure, even at hundreds of thousands of requests a second.
/// </summary>
internal sealed class LatencyHistogram
{
    private const int SubBucketBits = 6;
    private const int SubBuckets = 1 << SubBucketBits;
    private const int Blocks = 64 - SubBucketBits + 1;

    private readonly long[] counts = new long[Blocks * SubBuckets];

    public long Count { get; private set; }

    public void Record(long ticks)
    {
        counts[Index(Math.Max(ticks, 0))]++;
        Count++;
    }

    public void Add(LatencyHistogram other)
    {
        for (var i = 0; i < counts.Length; i++)
        {
            counts[i] += other.counts[i];
        }

        Count += other.Count;
    }

    /// <summary>The nearest-rank percentile (<paramref name="fraction"/> in (0, 1]), in ticks; 0 when empty.</summary>
    public long Percentile(double fraction)
    {
        var rank = Math.Max(1, (long)Math.Ceiling(fraction * Count));
        var seen = 0L;
        for (var i = 0; i < counts.Length; i++)
        {
            seen += counts[i];
            if (seen >= rank)
            {
                return Midpoint(i);
            }
        }

        return 0;
    }

    // Block 0 holds 0..63 exactly; block b > 0 holds [64, 128) << (b - 1), 64 buckets wide each.
    private static int Index(long value)
    {
        if (value < SubBuckets)
        {
            return (int)value;
        }

        var shift = 63 - BitOperations.LeadingZeroCount((ulong)value) - SubBucketBits;
        return ((shift + 1) * SubBuckets) + (int)((value >> shift) - SubBuckets);
    }

    private static long Midpoint(int index)
    {
        var block = index / SubBuckets;
        var offset = index % SubBuckets;
        if (block == 0)
        {
            return offset;
        }

        var shift = block - 1;
        return ((SubBuckets + (long)offset) << shift) + ((1L << shift) / 2);
    }
}

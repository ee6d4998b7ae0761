namespace InferenceHost.Abstractions.Telemetry;

/// <summary>
/// Counts per bucket index, only the non-empty buckets, indexes ascending. What a bucket index
/// means belongs to the recorder that fills it (log-scaled latency, class index, signed log value).
/// </summary>
/// <param name="Indexes">Bucket indexes, strictly ascending.</param>
/// <param name="Counts">Count per index, each positive.</param>
[GenerateSerializer, Immutable, Alias("InferenceHost.SparseHistogram")]
public sealed record SparseHistogram(
    [property: Id(0)] int[] Indexes,
    [property: Id(1)] long[] Counts)
{
    public static readonly SparseHistogram Empty = new([], []);

    /// <summary>The sum of all counts.</summary>
    public long Total
    {
        get
        {
            long total = 0;
            foreach (var count in Counts)
            {
                total += count;
            }

            return total;
        }
    }

    /// <summary>Bucket-wise sum, as merging two periods or two silos needs.</summary>
    public SparseHistogram Merge(SparseHistogram other)
    {
        if (other.Indexes.Length == 0)
        {
            return this;
        }

        if (Indexes.Length == 0)
        {
            return other;
        }

        var indexes = new List<int>(Indexes.Length + other.Indexes.Length);
        var counts = new List<long>(indexes.Capacity);
        int i = 0, j = 0;
        while (i < Indexes.Length || j < other.Indexes.Length)
        {
            if (j == other.Indexes.Length || (i < Indexes.Length && Indexes[i] < other.Indexes[j]))
            {
                indexes.Add(Indexes[i]);
                counts.Add(Counts[i++]);
            }
            else if (i == Indexes.Length || other.Indexes[j] < Indexes[i])
            {
                indexes.Add(other.Indexes[j]);
                counts.Add(other.Counts[j++]);
            }
            else
            {
                indexes.Add(Indexes[i]);
                counts.Add(Counts[i++] + other.Counts[j++]);
            }
        }

        return new SparseHistogram([.. indexes], [.. counts]);
    }
}

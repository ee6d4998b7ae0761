using InferenceHost.Abstractions.Telemetry;
using InferenceHost.Telemetry.Scales;

namespace InferenceHost.Telemetry.Tests.Statistics;

/// <summary>Synthetic version aggregates, seeded, for gate and engine tests.</summary>
internal static class Aggregates
{
    /// <summary>A classifier version: <paramref name="requests"/> requests, the given failures and NaN answers, lognormal latency and class shares.</summary>
    public static VersionAggregate Classifier(
        long requests,
        long errors = 0,
        long invalid = 0,
        double medianMs = 20,
        double sigma = 0.4,
        double[]? classShares = null,
        int seed = 1,
        AgreementSummary? agreement = null,
        FeedbackSummary? feedback = null)
    {
        var answered = requests - errors;
        var valid = answered - invalid;
        var shares = classShares ?? [0.5, 0.3, 0.2];
        var counts = shares.Select(s => (long)Math.Round(s * valid)).ToArray();
        counts[0] += valid - counts.Sum();
        return new VersionAggregate(
            requests,
            0,
            errors,
            0,
            invalid,
            Latency(answered, medianMs, sigma, seed),
            SparseHistogram.Empty,
            new OutputSummary(OutputKind.Classifier, valid, Histogram(counts), 0.8 * valid, SparseHistogram.Empty),
            agreement ?? AgreementSummary.Empty,
            feedback ?? FeedbackSummary.Empty);
    }

    /// <summary>A regressor whose output values are the given histogram (any bucketed positive values will do for drift).</summary>
    public static VersionAggregate Regressor(SparseHistogram values) =>
        VersionAggregate.Empty with { Requests = values.Total, Outputs = new OutputSummary(OutputKind.Regressor, values.Total, SparseHistogram.Empty, 0, values) };

    /// <summary><paramref name="count"/> lognormal latencies (median in ms, σ of the log) in <see cref="LatencyScale"/> buckets.</summary>
    public static SparseHistogram Latency(long count, double medianMs, double sigma, int seed)
    {
        var random = new Random(seed);
        var dense = new long[LatencyScale.BucketCount];
        for (var i = 0; i < count; i++)
        {
            dense[LatencyScale.IndexOf(1000 * medianMs * Math.Exp(sigma * Normal(random)))]++;
        }

        return Histogram(dense);
    }

    public static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    /// <summary>The non-zero entries of a dense count array.</summary>
    public static SparseHistogram Histogram(long[] dense)
    {
        var indexes = Enumerable.Range(0, dense.Length).Where(i => dense[i] > 0).ToArray();
        return new SparseHistogram(indexes, [.. indexes.Select(i => dense[i])]);
    }
}

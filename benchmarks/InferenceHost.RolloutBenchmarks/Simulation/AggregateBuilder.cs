using InferenceHost.Abstractions.Telemetry;
using InferenceHost.Telemetry.Scales;

namespace InferenceHost.RolloutBenchmarks.Simulation;

/// <summary>One version's counts over one interval, dense while recording, as a silo's recorder keeps them.</summary>
internal sealed class AggregateBuilder
{
    private readonly long[] latency = new long[LatencyScale.BucketCount];
    private readonly long[] classes = new long[3];
    private long requests;
    private long failures;
    private long invalidOutputs;
    private long rows;
    private long pairs;
    private long agreements;
    private double differenceSum;

    public void Failed() => (requests, failures) = (requests + 1, failures + 1);

    public void Answered(double milliseconds, int predictedClass, bool invalid)
    {
        requests++;
        latency[LatencyScale.IndexOf(milliseconds * 1000)]++;
        if (invalid)
        {
            invalidOutputs++;
            return;
        }

        rows++;
        classes[predictedClass]++;
    }

    /// <summary>A mirrored pair both versions answered; the probabilities differ a little when the classes agree, a lot when not.</summary>
    public void Paired(bool agree)
    {
        pairs++;
        agreements += agree ? 1 : 0;
        differenceSum += agree ? 0.06 : 1.5;
    }

    public VersionAggregate Build() => new(
        requests,
        0,
        failures,
        0,
        invalidOutputs,
        Sparse(latency),
        requests > 0 ? new SparseHistogram([1], [requests]) : SparseHistogram.Empty,
        rows > 0 ? new OutputSummary(OutputKind.Classifier, rows, Sparse(classes), 0.8 * rows, SparseHistogram.Empty) : OutputSummary.Empty,
        new AgreementSummary(pairs, agreements, differenceSum, 3 * pairs),
        FeedbackSummary.Empty);

    private static SparseHistogram Sparse(long[] dense)
    {
        var indexes = new List<int>();
        var counts = new List<long>();
        for (var i = 0; i < dense.Length; i++)
        {
            if (dense[i] > 0)
            {
                indexes.Add(i);
                counts.Add(dense[i]);
            }
        }

        return indexes.Count == 0 ? SparseHistogram.Empty : new SparseHistogram([.. indexes], [.. counts]);
    }
}

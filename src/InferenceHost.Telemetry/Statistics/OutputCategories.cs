using System.Globalization;
using InferenceHost.Abstractions.Telemetry;
using InferenceHost.Telemetry.Scales;

namespace InferenceHost.Telemetry.Statistics;

/// <summary>Two output summaries as counts over the same ordered categories, ready for a drift test.</summary>
/// <param name="Names">Each category in words.</param>
/// <param name="Candidate">The candidate's count per category.</param>
/// <param name="Baseline">The baseline's count per category.</param>
internal sealed record OutputCategories(string[] Names, long[] Candidate, long[] Baseline)
{
    /// <summary>A regressor's values are cut into this many ranges of equal baseline mass.</summary>
    public const int ValueRanges = 10;

    /// <summary>The candidate's counts over every category.</summary>
    public long CandidateTotal { get; } = Candidate.Sum();

    /// <summary>The baseline's counts over every category.</summary>
    public long BaselineTotal { get; } = Baseline.Sum();

    /// <summary>Classifier: one category per predicted class either side saw. Regressor: baseline deciles.</summary>
    public static OutputCategories Of(OutputSummary candidate, OutputSummary baseline) =>
        baseline.Kind == OutputKind.Regressor ? ByValueRange(candidate.Values, baseline.Values) : ByClass(candidate.Classes, baseline.Classes);

    /// <summary>How far category <paramref name="category"/>'s share of the candidate's counts is from its share of the baseline's, 0 to 1.</summary>
    public double Shift(int category) =>
        Math.Abs(((double)Candidate[category] / CandidateTotal) - ((double)Baseline[category] / BaselineTotal));

    /// <summary>The drift gate's estimate: the largest <see cref="Shift"/>, and the first category that has it.</summary>
    public (double Shift, int Category) LargestShift()
    {
        var (largest, worst) = (0.0, 0);
        for (var k = 0; k < Names.Length; k++)
        {
            var shift = Shift(k);
            if (shift > largest)
            {
                (largest, worst) = (shift, k);
            }
        }

        return (largest, worst);
    }

    private static OutputCategories ByClass(SparseHistogram candidate, SparseHistogram baseline)
    {
        var classes = candidate.Indexes.Union(baseline.Indexes).Order().ToArray();
        return new OutputCategories(
            [.. classes.Select(c => string.Create(CultureInfo.InvariantCulture, $"class {c}"))],
            [.. classes.Select(c => CountOf(candidate, c))],
            [.. classes.Select(c => CountOf(baseline, c))]);
    }

    /// <summary>
    /// The value scale's 5% buckets are hundreds of categories: a test per bucket would split Alpha so
    /// thin, and see so few samples each, that it could never decide. Deciles of the baseline keep each
    /// category near 10% mass, where a shift of a few points is visible.
    /// </summary>
    private static OutputCategories ByValueRange(SparseHistogram candidate, SparseHistogram baseline)
    {
        var uppers = new List<int>();
        var total = baseline.Total;
        long seen = 0;
        for (var i = 0; i < baseline.Indexes.Length; i++)
        {
            seen += baseline.Counts[i];
            if (seen * ValueRanges >= (uppers.Count + 1) * total || i == baseline.Indexes.Length - 1)
            {
                uppers.Add(baseline.Indexes[i]);
            }
        }

        var names = new string[uppers.Count];
        for (var r = 0; r < uppers.Count; r++)
        {
            names[r] = r == uppers.Count - 1 && r > 0
                ? string.Create(CultureInfo.InvariantCulture, $"values above {ValueScale.ValueOf(uppers[r - 1]):G3}")
                : string.Create(CultureInfo.InvariantCulture, $"values up to {ValueScale.ValueOf(uppers[r]):G3}");
        }

        return new OutputCategories(names, Bin(candidate, uppers), Bin(baseline, uppers));
    }

    /// <summary>Values beyond the baseline's range fall in the outermost ranges: they are a shift too.</summary>
    private static long[] Bin(SparseHistogram values, List<int> uppers)
    {
        var counts = new long[uppers.Count];
        for (var i = 0; i < values.Indexes.Length; i++)
        {
            var range = uppers.BinarySearch(values.Indexes[i]);
            counts[Math.Min(range < 0 ? ~range : range, uppers.Count - 1)] += values.Counts[i];
        }

        return counts;
    }

    private static long CountOf(SparseHistogram histogram, int index)
    {
        var at = Array.BinarySearch(histogram.Indexes, index);
        return at < 0 ? 0 : histogram.Counts[at];
    }
}

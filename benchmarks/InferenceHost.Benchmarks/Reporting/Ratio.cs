namespace InferenceHost.Benchmarks.Reporting;

/// <summary>A throughput ratio over rounds: its median and its spread (min–max).</summary>
internal readonly record struct Ratio(double Median, double Min, double Max)
{
    public static Ratio Of(IReadOnlyList<double> perRound) =>
        new(Statistics.Median(perRound), perRound.Min(), perRound.Max());
}

using InferenceHost.Benchmarks.Rounds;
using InferenceHost.Benchmarks.Targets;

namespace InferenceHost.Benchmarks.Reporting;

/// <summary>
/// The windows of one (model, concurrency) cell, by round: ratios are taken between windows of the same
/// round, minutes apart at most, then summarized over the rounds that have both sides.
/// </summary>
internal sealed class CellRounds
{
    private readonly List<Measurement> cell;
    private readonly List<int> rounds;

    public CellRounds(IReadOnlyList<Measurement> measurements, string model, int concurrency)
    {
        cell = measurements.Where(m => m.Model == model && m.Concurrency == concurrency).ToList();
        rounds = cell.Select(m => m.Round).Distinct().Order().ToList();
    }

    public Measurement? Window(int round, string mode) => cell.FirstOrDefault(m => m.Round == round && m.Mode == mode);

    /// <summary>A value per round (null or NaN where the round lacks it), as median and min–max; null when no round has one.</summary>
    public Ratio? Over(Func<int, double?> perRound)
    {
        var values = rounds.Select(perRound).OfType<double>().Where(value => !double.IsNaN(value)).ToList();
        return values.Count == 0 ? null : Ratio.Of(values);
    }

    /// <summary><paramref name="mode"/>'s throughput ÷ the mean of the round's raw windows around it.</summary>
    public Ratio? ToRaw(string mode) => Over(round => Window(round, mode)?.Result.Throughput / RawMean(round));

    public Ratio? Throughput(string numerator, string denominator) =>
        Over(round => Window(round, numerator)?.Result.Throughput / Window(round, denominator)?.Result.Throughput);

    /// <summary>The A/A control: the round's last raw window ÷ its first.</summary>
    public Ratio? RawControl() =>
        Over(round => cell.Where(m => m.Round == round && m.Mode == TargetModes.Raw).OrderBy(m => m.Position).Select(m => m.Result.Throughput).ToArray() is [var first, .., var last] ? last / first : null);

    private double RawMean(int round) => cell.Where(m => m.Round == round && m.Mode == TargetModes.Raw).Average(m => m.Result.Throughput);
}

using InferenceHost.Benchmarks.Load;

namespace InferenceHost.Benchmarks.Rounds;

/// <summary>
/// The order of one round's windows for a cell: the baseline (raw ONNX Runtime; the 1-silo cluster) first
/// and last, so each other window sits between two baseline windows and the A/A pair spans the whole cell;
/// the others run forwards in even rounds and backwards in odd ones, so slow drift favours none of them.
/// </summary>
internal static class RoundSchedule
{
    public static IReadOnlyList<ILoadTarget> Order(int round, ILoadTarget baseline, IReadOnlyList<ILoadTarget> others)
    {
        var modes = round % 2 == 0 ? others : others.Reverse().ToList();
        return [baseline, .. modes, baseline];
    }
}

using InferenceHost.Benchmarks.Load;

namespace InferenceHost.Benchmarks.Rounds;

/// <summary>
/// The order of one round's windows for a cell: raw first and last, so each host window sits
/// between two raw windows and the A/A pair spans the whole cell; host modes run forwards in
/// even rounds and backwards in odd ones, so slow drift does not favour one mode.
/// </summary>
internal static class RoundSchedule
{
    public static IReadOnlyList<ILoadTarget> Order(int round, ILoadTarget raw, IReadOnlyList<ILoadTarget> host)
    {
        var modes = round % 2 == 0 ? host : host.Reverse().ToList();
        return [raw, .. modes, raw];
    }
}

namespace InferenceHost.MicroBenchmarks;

/// <summary>
/// <c>--quick</c>: every benchmark (unless a filter is given) with BenchmarkDotNet's short job,
/// one process of 3 warm-up and 3 measured iterations, so the whole suite runs in minutes on 2 cores.
/// Anything else is BenchmarkDotNet's own command line.
/// </summary>
public static class QuickMode
{
    public const string Flag = "--quick";

    public static string[] Expand(string[] args)
    {
        if (!args.Contains(Flag, StringComparer.Ordinal))
        {
            return args;
        }

        var expanded = args.Where(arg => !string.Equals(arg, Flag, StringComparison.Ordinal)).ToList();
        expanded.AddRange(["--job", "short"]);
        if (!expanded.Any(arg => arg is "--filter" or "-f"))
        {
            expanded.AddRange(["--filter", "*"]);
        }

        return [.. expanded];
    }
}

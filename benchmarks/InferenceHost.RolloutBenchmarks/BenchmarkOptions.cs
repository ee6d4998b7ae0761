using System.Globalization;

namespace InferenceHost.RolloutBenchmarks;

/// <summary>Command-line options; every one has a default, so the plain command is the documented run.</summary>
internal sealed record BenchmarkOptions(int Seeds, int RequestsPerSecond, TimeSpan Interval, TimeSpan Limit, string Output)
{
    public static readonly BenchmarkOptions Default = new(400, 50, TimeSpan.FromSeconds(10), TimeSpan.FromHours(1), "benchmarks/ROLLOUTS.md");

    public const string Usage = "options: --seeds N (runs per cell, default 400), --output PATH (default benchmarks/ROLLOUTS.md), --help";

    /// <summary>Null when the arguments ask for help or are not understood.</summary>
    public static BenchmarkOptions? Parse(IReadOnlyList<string> args)
    {
        var options = Default;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--seeds" when i + 1 < args.Count && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var seeds) && seeds > 0:
                    options = options with { Seeds = seeds };
                    i++;
                    break;
                case "--output" when i + 1 < args.Count:
                    options = options with { Output = args[++i] };
                    break;
                default:
                    return null;
            }
        }

        return options;
    }
}

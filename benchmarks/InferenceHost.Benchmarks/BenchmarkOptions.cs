using System.Globalization;

namespace InferenceHost.Benchmarks;

/// <summary>What one benchmark run does, from the command line.</summary>
/// <param name="Rounds">Alternating rounds; every (model, concurrency) cell gets one window per mode in each.</param>
/// <param name="WindowSeconds">Length of each measurement window.</param>
/// <param name="WarmupSeconds">Total warm-up before the first round, split over models and modes.</param>
/// <param name="ServerCpus">A <c>taskset -c</c> CPU list for every server process; null leaves them unpinned.</param>
/// <param name="OutputPath">Where the Markdown results go; null for benchmarks/RESULTS.md.</param>
/// <param name="Arguments">The command line as given, for the report.</param>
internal sealed record BenchmarkOptions(
    int Rounds,
    double WindowSeconds,
    double WarmupSeconds,
    string? ServerCpus,
    string? OutputPath,
    IReadOnlyList<string> Arguments)
{
    public const string Usage = """
        InferenceHost.Benchmarks: the host against raw in-process ONNX Runtime, a plain server and an NGINX split, side by side.

          --quick               2 rounds of 1 s windows and 6 s warm-up (a smoke run, about a minute)
          --rounds N            alternating rounds (default 5, at least 1)
          --seconds S           seconds per measurement window (default 3)
          --warmup S            total warm-up seconds before measuring (default 48)
          --server-cpus LIST    start every server under `taskset -c LIST` (e.g. 0); pin this process
                                yourself, e.g. `taskset -c 1 dotnet <benchmarks dll> --server-cpus 0`
          --output PATH         results file (default benchmarks/RESULTS.md)
        """;

    public static BenchmarkOptions Default(IReadOnlyList<string> arguments) =>
        new(Rounds: 5, WindowSeconds: 3, WarmupSeconds: 48, ServerCpus: null, OutputPath: null, arguments);

    /// <summary>Parses the arguments; null when they ask for help.</summary>
    /// <exception cref="ArgumentException">An unknown option or a bad value.</exception>
    public static BenchmarkOptions? Parse(string[] args)
    {
        var options = Default(args);
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--help" or "-h":
                    return null;
                case "--quick":
                    options = options with { Rounds = 2, WindowSeconds = 1, WarmupSeconds = 6 };
                    break;
                case "--rounds":
                    options = options with { Rounds = (int)Number(args, ref i, minimum: 1) };
                    break;
                case "--seconds":
                    options = options with { WindowSeconds = Number(args, ref i, minimum: 0.1) };
                    break;
                case "--warmup":
                    options = options with { WarmupSeconds = Number(args, ref i, minimum: 0) };
                    break;
                case "--server-cpus":
                    options = options with { ServerCpus = Value(args, ref i) };
                    break;
                case "--output":
                    options = options with { OutputPath = Value(args, ref i) };
                    break;
                default:
                    throw new ArgumentException($"unknown option '{args[i]}'");
            }
        }

        return options;
    }

    private static string Value(string[] args, ref int i) =>
        ++i < args.Length ? args[i] : throw new ArgumentException($"{args[i - 1]} needs a value");

    private static double Number(string[] args, ref int i, double minimum)
    {
        var text = Value(args, ref i);
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= minimum
            ? value
            : throw new ArgumentException($"{args[i - 1]} needs a number of at least {minimum}, not '{text}'");
    }
}

using System.Globalization;

namespace InferenceHost.Benchmarks;

/// <summary>What one benchmark run does, from the command line.</summary>
/// <param name="Scenario">The comparison (default), the scale-out (<c>--scale-out</c>) or the GPU cells alone (<c>--gpu-only</c>); it picks the other defaults.</param>
/// <param name="Rounds">Alternating rounds; every cell gets one window per mode (or cluster size) in each.</param>
/// <param name="WindowSeconds">Length of each measurement window.</param>
/// <param name="WarmupSeconds">Total warm-up before the first round, split over models and modes.</param>
/// <param name="ServerCpus">A <c>taskset -c</c> CPU list for every server process; null leaves them unpinned.</param>
/// <param name="OutputPath">Where the Markdown results go; null for benchmarks/RESULTS.md (SCALEOUT.md for the scale-out, GPU.md for the GPU cells).</param>
/// <param name="Arguments">The command line as given, for the report.</param>
internal sealed record BenchmarkOptions(
    BenchmarkScenario Scenario,
    int Rounds,
    double WindowSeconds,
    double WarmupSeconds,
    string? ServerCpus,
    string? OutputPath,
    IReadOnlyList<string> Arguments)
{
    public const string Usage = """
        InferenceHost.Benchmarks: the host against raw in-process ONNX Runtime, a plain server and an NGINX split, side by side;
        with --scale-out, clusters of 1, 2 and 3 silos (through a local redis-server) against each other.

          --scale-out           measure 1 vs 2 vs 3 silos instead (iris-mlp, concurrency 64, gRPC and HTTP JSON),
                                written to benchmarks/SCALEOUT.md; defaults 7 rounds, 3 s windows, 90 s warm-up
          --gpu-only            measure ResNet18 alone, raw ONNX Runtime on CUDA (I/O binding) against the host on its GPU,
                                at concurrency 1, 8 and 64 (issue 5's G1), written to benchmarks/GPU.md; defaults 3 rounds,
                                2 s windows, 20 s warm-up (about 2.5 minutes); exits with code 3 where CUDA is not usable.
                                Without it, a run where CUDA is usable measures ResNet18 that way too, next to iris-mlp
          --quick               a smoke run: 2 rounds of 1 s windows and 6 s warm-up (about a minute);
                                with --scale-out 3 rounds of 2 s windows and 45 s warm-up (about 3 minutes)
          --rounds N            alternating rounds (default 5, at least 1)
          --seconds S           seconds per measurement window (default 3)
          --warmup S            total warm-up seconds before measuring (default 48)
          --server-cpus LIST    start every server under `taskset -c LIST` (e.g. 0); pin this process
                                yourself, e.g. `taskset -c 1 dotnet <benchmarks dll> --server-cpus 0`
          --output PATH         results file (default benchmarks/RESULTS.md, SCALEOUT.md or GPU.md)
        """;

    public const string ScaleOutOption = "--scale-out";

    public const string GpuOnlyOption = "--gpu-only";

    /// <summary>The scenario's defaults; <paramref name="quick"/> for its smoke run.</summary>
    public static BenchmarkOptions Default(BenchmarkScenario scenario, bool quick, IReadOnlyList<string> arguments)
    {
        var (rounds, seconds, warmup) = (scenario, quick) switch
        {
            (BenchmarkScenario.ScaleOut, false) => (7, 3.0, 90.0),
            (BenchmarkScenario.ScaleOut, true) => (3, 2.0, 45.0),
            (BenchmarkScenario.Gpu, false) => (3, 2.0, 20.0),
            (_, false) => (5, 3.0, 48.0),
            _ => (2, 1.0, 6.0),
        };
        return new(scenario, rounds, seconds, warmup, ServerCpus: null, OutputPath: null, arguments);
    }

    /// <summary>Parses the arguments; null when they ask for help.</summary>
    /// <exception cref="ArgumentException">An unknown option or a bad value.</exception>
    public static BenchmarkOptions? Parse(string[] args)
    {
        // The scenario picks the defaults wherever it stands on the line; the other options apply left to right.
        var scenario = (args.Contains(ScaleOutOption), args.Contains(GpuOnlyOption)) switch
        {
            (true, true) => throw new ArgumentException($"{ScaleOutOption} and {GpuOnlyOption} cannot be combined"),
            (true, false) => BenchmarkScenario.ScaleOut,
            (false, true) => BenchmarkScenario.Gpu,
            _ => BenchmarkScenario.Comparison,
        };
        var options = Default(scenario, quick: false, args);
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--help" or "-h":
                    return null;
                case ScaleOutOption or GpuOnlyOption:
                    break;
                case "--quick":
                    options = Default(scenario, quick: true, args) with { ServerCpus = options.ServerCpus, OutputPath = options.OutputPath };
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

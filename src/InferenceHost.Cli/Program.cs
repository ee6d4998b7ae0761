using InferenceHost.Cli.Commands;

namespace InferenceHost.Cli;

/// <summary>
/// <c>inferencehost</c>: a thin client of the host's <c>/admin/v1</c> REST API, one command per operation.
/// </summary>
public static class Program
{
    /// <summary>The commands, in the order help lists them.</summary>
    private static ICliCommand[] Commands =>
    [
        new ModelsCommand(),
        new StatusCommand(),
        new DeployCommand(),
        new WeightsCommand(),
        TransitionCommand.Switch,
        TransitionCommand.Rollback,
        new AuditCommand(),
        new RolloutCommand(),
        new PolicyCommand(),
        new TelemetryCommand(),
        new CompareCommand(),
    ];

    public static async Task<int> Main(string[] args)
    {
        using var interrupt = new ConsoleInterrupt();
        return await RunAsync(args, Console.Out, Console.Error, Environment.GetEnvironmentVariable, interactive: !Console.IsOutputRedirected, interrupt.Token);
    }

    /// <summary>Runs one command line, writing results to <paramref name="output"/> and errors to <paramref name="error"/>.</summary>
    /// <returns>
    /// 0 on success, 1 when the command failed (the server refused it, or it could not be reached), 2 on a usage error;
    /// <c>rollout watch</c> also exits 3 when the rollout was rolled back, 4 when it was aborted, 130 on Ctrl+C.
    /// </returns>
    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error) =>
        RunAsync(args, output, error, Environment.GetEnvironmentVariable);

    /// <param name="args">The command line.</param>
    /// <param name="output">Where results go.</param>
    /// <param name="error">Where errors go.</param>
    /// <param name="environment">Reads an environment variable.</param>
    /// <param name="interactive">Whether <paramref name="output"/> is a terminal a live view may redraw.</param>
    /// <param name="interrupted">Ctrl+C: the command stops and the process exits 130.</param>
    internal static Task<int> RunAsync(
        string[] args, TextWriter output, TextWriter error, Func<string, string?> environment, bool interactive = false, CancellationToken interrupted = default) =>
        new CliApplication(Commands, environment).RunAsync(args, output, error, interactive, interrupted);
}

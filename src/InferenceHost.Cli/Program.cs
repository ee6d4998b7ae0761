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

    public static Task<int> Main(string[] args) => RunAsync(args, Console.Out, Console.Error);

    /// <summary>Runs one command line, writing results to <paramref name="output"/> and errors to <paramref name="error"/>.</summary>
    /// <returns>0 on success, 1 when the command failed (the server refused it, or it could not be reached), 2 on a usage error.</returns>
    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error) =>
        RunAsync(args, output, error, Environment.GetEnvironmentVariable);

    internal static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, Func<string, string?> environment) =>
        new CliApplication(Commands, environment).RunAsync(args, output, error);
}

using InferenceHost.Cli.CommandLine;
using InferenceHost.Cli.Output;

namespace InferenceHost.Cli.Commands;

/// <summary><c>telemetry MODEL [--window 5m]</c>: what each version did in each slot lately.</summary>
internal sealed class TelemetryCommand : ICliCommand
{
    private static readonly OptionSpec Window = new("window", "DURATION", "how far back, e.g. 30s, 5m, 2h (default 5m)");

    public string Name => "telemetry";

    public string Arguments => "MODEL [--window DURATION]";

    public string Summary => "show each version's requests, error rates, latency, confidence, agreement and accuracy";

    public IReadOnlyList<OptionSpec> Options => [Window];

    public Func<CommandContext, Task> Bind(ParsedArguments arguments)
    {
        var model = arguments.SingleArgument("MODEL");
        var window = arguments.Value(Window);
        return async context => context.Print(await context.Admin.GetTelemetryAsync(model, window), TelemetryPrinter.Write);
    }
}

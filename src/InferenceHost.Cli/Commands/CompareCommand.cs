using InferenceHost.Cli.CommandLine;
using InferenceHost.Cli.Output;

namespace InferenceHost.Cli.Commands;

/// <summary><c>compare MODEL CANDIDATE BASELINE [--window 5m]</c>: two versions on every gate, as a rollout would judge them.</summary>
internal sealed class CompareCommand : ICliCommand
{
    private static readonly OptionSpec Window = new("window", "DURATION", "how far back, e.g. 30s, 5m, 2h (default 5m)");

    private static readonly string[] Placeholders = ["MODEL", "CANDIDATE", "BASELINE"];

    public string Name => "compare";

    public string Arguments => "MODEL CANDIDATE BASELINE [--window DURATION]";

    public string Summary => "compare a candidate version with a baseline on every rollout gate, as a rollout would judge them";

    public string Details => """
        Each version's requests over the window, in every slot and by URL, and one row per gate: at the
        model's rollout policy's threshold, or the default for a metric the policy has no gate for.
        Nothing changes.
        Example:
          inferencehost compare iris-mlp 3 1 --window 10m
        """;

    public IReadOnlyList<OptionSpec> Options => [Window];

    public Func<CommandContext, Task> Bind(ParsedArguments arguments)
    {
        var positionals = arguments.Positionals;
        if (positionals.Count < Placeholders.Length)
        {
            throw new UsageException($"{Placeholders[positionals.Count]} is missing");
        }

        if (positionals.Count > Placeholders.Length)
        {
            throw new UsageException($"unexpected argument '{positionals[Placeholders.Length]}'");
        }

        var (model, candidate, baseline) = (positionals[0], positionals[1], positionals[2]);
        var window = arguments.Value(Window);
        return async context => context.Print(await context.Admin.CompareVersionsAsync(model, candidate, baseline, window), ComparisonPrinter.Write);
    }
}

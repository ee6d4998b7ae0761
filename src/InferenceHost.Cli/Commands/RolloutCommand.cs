using InferenceHost.Cli.CommandLine;
using InferenceHost.Cli.Output;
using InferenceHost.Cli.Watch;

namespace InferenceHost.Cli.Commands;

/// <summary><c>rollout SUBCOMMAND MODEL …</c>: start, follow and steer a model's automatic rollouts.</summary>
internal sealed class RolloutCommand : ICliCommand
{
    private const string DefaultInterval = "2s";

    // A read is three requests: much faster only loads the host. A step lasts at least its step interval,
    // usually minutes: much slower would miss whole steps.
    private const string MinInterval = "100ms";

    private const string MaxInterval = "10m";

    private static readonly OptionSpec Policy = new("policy", "FILE", "start: a JSON policy for this rollout only (default: the model's, see 'policy get')");

    private static readonly OptionSpec Number = new("number", "N", "history: rollout N (default: the latest)");

    private static readonly OptionSpec Limit = new("limit", "N", "history, list: the newest N (default: the server's, 100 decisions or 20 rollouts)");

    private static readonly OptionSpec Evidence = new("evidence", null, "history: each decision's request counts and gate results too");

    private static readonly OptionSpec Interval = new("interval", "DURATION", $"watch: how often to read the rollout, {MinInterval} to {MaxInterval} (default {DefaultInterval})");

    private static readonly OptionSpec Reason = new("reason", "TEXT", "pause, resume, abort, promote, rollback: why, for the history and the audit log");

    /// <summary>The operator's commands to a running rollout, as the API names them.</summary>
    private static readonly string[] Controls = ["pause", "resume", "abort", "promote", "rollback"];

    public string Name => "rollout";

    public string Arguments => "SUBCOMMAND MODEL [ARGUMENTS]";

    public string Summary => "start, follow and steer automatic rollouts (start, status, watch, history, list, pause, resume, abort, promote, rollback)";

    public string Details => """
        Subcommands:
          start MODEL VERSION [--policy FILE]   roll VERSION out against the active colour's version
          status MODEL                          the running rollout (else the latest) and its latest evidence
          watch MODEL [--interval DURATION]     a live view of the running rollout (else the latest) until it
                                                ends: weights, step, latest gates, recent decisions. Where
                                                output is not a terminal, a plain frame at each change.
                                                Exits 0 promoted, 3 rolled back, 4 aborted, 1 no rollout,
                                                130 on Ctrl+C (the rollout goes on)
          history MODEL [--number N] [--limit N] [--evidence]
                                                one row per decision: what was done, when and why
          list MODEL [--limit N]                past and running rollouts, newest first
          pause|resume|abort|promote|rollback MODEL [--reason TEXT]
                                                steer the running rollout: pause holds the step, abort returns
                                                to the baseline, promote makes the candidate active now,
                                                rollback marks it failed
        Examples:
          inferencehost rollout start iris-mlp 3 --policy canary.json
          inferencehost rollout watch iris-mlp --interval 500ms && echo "version 3 is live"
          inferencehost rollout history iris-mlp --evidence
        """;

    public IReadOnlyList<OptionSpec> Options => [Policy, Number, Limit, Evidence, Interval, Reason];

    public Func<CommandContext, Task> Bind(ParsedArguments arguments)
    {
        var positionals = arguments.Positionals;
        if (positionals.Count == 0)
        {
            throw new UsageException("name a subcommand: start, status, watch, history, list, pause, resume, abort, promote or rollback");
        }

        var subcommand = positionals[0];
        OptionSpec[] options = subcommand switch
        {
            "start" => [Policy],
            "history" => [Number, Limit, Evidence],
            "list" => [Limit],
            "status" => [],
            "watch" => [Interval],
            _ when Controls.Contains(subcommand) => [Reason],
            _ => throw new UsageException($"unknown rollout subcommand '{subcommand}'"),
        };
        arguments.Allow([.. GlobalOptions.All, .. options], $"'rollout {subcommand}'");
        if (subcommand == "watch" && arguments.Has(GlobalOptions.Json))
        {
            throw new UsageException("'rollout watch' draws a view, not JSON; poll 'rollout status --json' instead, or gate on watch's exit code");
        }

        // start takes MODEL VERSION, every other subcommand MODEL alone.
        string[] placeholders = subcommand == "start" ? ["MODEL", "VERSION"] : ["MODEL"];
        if (positionals.Count <= placeholders.Length)
        {
            throw new UsageException($"{placeholders[positionals.Count - 1]} is missing");
        }

        if (positionals.Count > placeholders.Length + 1)
        {
            throw new UsageException($"unexpected argument '{positionals[placeholders.Length + 1]}'");
        }

        var model = positionals[1];
        return subcommand switch
        {
            "start" => Start(model, positionals[2], arguments.Value(Policy) is { } file ? PolicyFile.Read(file) : null),
            "status" => async context => context.Print(await context.Admin.GetRolloutAsync(model), RolloutPrinter.WriteStatus),
            "watch" => new RolloutWatch(model, arguments.Duration(Interval, DefaultInterval, MinInterval, MaxInterval)).RunAsync,
            "history" => History(model, arguments.WholeNumber<long>(Number), arguments.WholeNumber<int>(Limit), arguments.Has(Evidence)),
            "list" => List(model, arguments.WholeNumber<int>(Limit)),
            _ => Control(model, subcommand, arguments.Value(Reason)),
        };
    }

    private static Func<CommandContext, Task> Start(string model, string version, string? policy) =>
        async context => context.Print(await context.Admin.StartRolloutAsync(model, version, policy), RolloutPrinter.WriteStatus);

    private static Func<CommandContext, Task> History(string model, long? number, int? limit, bool evidence) =>
        async context => context.Print(
            await context.Admin.GetDecisionsAsync(model, number, limit), (list, output) => RolloutPrinter.WriteDecisions(list, output, evidence));

    private static Func<CommandContext, Task> List(string model, int? limit) =>
        async context => context.Print(await context.Admin.ListRolloutsAsync(model, limit), RolloutPrinter.WriteList);

    private static Func<CommandContext, Task> Control(string model, string command, string? reason) =>
        async context => context.Print(await context.Admin.ControlRolloutAsync(model, command, reason), RolloutPrinter.WriteStatus);
}

using InferenceHost.Cli.CommandLine;
using InferenceHost.Cli.Output;

namespace InferenceHost.Cli.Commands;

/// <summary><c>policy get MODEL</c> and <c>policy set MODEL FILE</c>: the rollout policy future rollouts of a model use.</summary>
internal sealed class PolicyCommand : ICliCommand
{
    public string Name => "policy";

    public string Arguments => "get MODEL | set MODEL FILE";

    public string Summary => "show or set a model's rollout policy (set takes a JSON file, as the API's body)";

    public string Details => """
        FILE is JSON with any of: mode ("canary" or "bluegreen"), shadow_percent, steps, step_interval,
        step_min_requests, evaluation_interval, max_duration, alpha, beta, gates [{"metric", "threshold"}];
        fields left out take the default policy's values. The server checks every rule and lists each
        one broken; nothing changes then. Example:
          {"steps": [10, 50, 100], "step_interval": "2m", "gates": [{"metric": "error_rate", "threshold": 0.01}]}
        """;

    public Func<CommandContext, Task> Bind(ParsedArguments arguments) => arguments.Positionals switch
    {
        ["get", var model] => async context => context.Print(await context.Admin.GetPolicyAsync(model), PolicyPrinter.Write),
        ["set", var model, var file] => Set(model, PolicyFile.Read(file)),
        ["get"] or ["set"] => throw new UsageException("MODEL is missing"),
        ["set", _] => throw new UsageException("FILE is missing"),
        ["get" or "set", ..] => throw new UsageException($"unexpected argument '{arguments.Positionals[^1]}'"),
        [var other, ..] => throw new UsageException($"unknown policy subcommand '{other}'; use get or set"),
        [] => throw new UsageException("name a subcommand: get or set"),
    };

    private static Func<CommandContext, Task> Set(string model, string policy) =>
        async context => context.Print(await context.Admin.SetPolicyAsync(model, policy), PolicyPrinter.Write);
}

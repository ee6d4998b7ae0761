using InferenceHost.Cli.CommandLine;
using InferenceHost.Cli.Output;

namespace InferenceHost.Cli.Commands;

/// <summary>A change the server works out by itself (<c>switch</c>, <c>rollback</c>): a POST naming the model; prints the new deployment.</summary>
internal sealed class TransitionCommand(string name, string summary) : ICliCommand
{
    public static TransitionCommand Switch { get; } = new("switch", "make the standby colour active; it takes both colours' traffic at once");

    public static TransitionCommand Rollback { get; } = new("rollback", "return to the deployment before the current one, as a new revision");

    public string Name => name;

    public string Arguments => "MODEL";

    public string Summary => summary;

    public Func<CommandContext, Task> Bind(ParsedArguments arguments)
    {
        var model = arguments.SingleArgument("MODEL");
        return async context => context.Print(await context.Admin.PostAsync(model, name), DeploymentPrinter.Write);
    }
}

using InferenceHost.Cli.CommandLine;
using InferenceHost.Cli.Output;

namespace InferenceHost.Cli.Commands;

/// <summary><c>status MODEL</c>: the model's deployment.</summary>
internal sealed class StatusCommand : ICliCommand
{
    public string Name => "status";

    public string Arguments => "MODEL";

    public string Summary => "show a model's deployment: slots, versions, weights, shadow, revision";

    public Func<CommandContext, Task> Bind(ParsedArguments arguments)
    {
        var model = arguments.SingleArgument("MODEL");
        return async context => context.Print(await context.Admin.GetDeploymentAsync(model), DeploymentPrinter.Write);
    }
}

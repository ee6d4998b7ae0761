using InferenceHost.Cli.CommandLine;
using InferenceHost.Cli.Output;

namespace InferenceHost.Cli.Commands;

/// <summary>
/// <c>weights MODEL SLOT=W…</c>: reads the deployment, changes the weights named, and puts it back
/// only at the revision it read, so a change made in between is refused (409), never overwritten.
/// </summary>
internal sealed class WeightsCommand : ICliCommand
{
    public string Name => "weights";

    public string Arguments => "MODEL SLOT=WEIGHT...";

    public string Summary => "change the weights of slots that hold a version, e.g. blue=80 canary=20";

    public string Details => """
        SLOT is blue, green or canary; shadow=P sets the percent mirrored to the shadow. Slots not
        named keep their weights. The change applies only if nobody changed the deployment since it
        was read; otherwise it is refused with HTTP 409 and nothing changes: run it again.
        """;

    public Func<CommandContext, Task> Bind(ParsedArguments arguments)
    {
        var positionals = arguments.Positionals;
        switch (positionals.Count)
        {
            case 0:
                throw new UsageException("MODEL is missing");
            case 1:
                throw new UsageException("give at least one SLOT=WEIGHT, e.g. blue=80 canary=20");
        }

        var model = positionals[0];
        var changes = positionals.Skip(1).Select(WeightChange.Parse).ToList();
        if (changes.GroupBy(change => change.Slot).FirstOrDefault(slot => slot.Count() > 1) is { } repeated)
        {
            throw new UsageException($"{repeated.Key} is given more than once");
        }

        return async context =>
        {
            var current = (await context.Admin.GetDeploymentAsync(model)).Body;
            var desired = current.Desired
                ?? throw new CommandFailedException($"model '{model}' has no deployment to change the weights of; use 'deploy' first");
            desired = changes.Aggregate(desired, (deployment, change) => change.ApplyTo(deployment, model));
            context.Print(await context.Admin.DeployAsync(model, desired, current.Revision), DeploymentPrinter.Write);
        };
    }
}

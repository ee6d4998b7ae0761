using System.Globalization;
using InferenceHost.Cli.CommandLine;
using InferenceHost.Cli.Output;

namespace InferenceHost.Cli.Commands;

/// <summary><c>deploy MODEL …</c>: replaces the model's deployment (PUT) and prints the new one.</summary>
internal sealed class DeployCommand : ICliCommand
{
    private static readonly OptionSpec IfMatch = new("if-match", "REV", "apply only if the deployment is still at revision REV (else HTTP 409)");

    public string Name => "deploy";

    public string Arguments => "MODEL SLOT-OPTIONS...";

    public string Summary => "replace a model's deployment (--blue, --green, --canary, --shadow, --active, --if-match)";

    public string Details => """
        Slots not named are emptied. A weight left out follows where it can: one colour without a
        weight takes what the others leave of 100; with both colours and no weights the active
        colour takes the rest and the standby 0 (blue/green). Canary and shadow need theirs.
        Examples:
          inferencehost deploy iris-mlp --blue 1:80 --canary 2:20
          inferencehost deploy iris-mlp --blue 1 --green 2 --active blue --shadow 3:10
        """;

    public IReadOnlyList<OptionSpec> Options => [.. DeploymentArguments.Options, IfMatch];

    public Func<CommandContext, Task> Bind(ParsedArguments arguments)
    {
        var model = arguments.SingleArgument("MODEL");
        var desired = DeploymentArguments.Read(arguments);
        var expected = ExpectedRevision(arguments.Value(IfMatch));
        return async context => context.Print(await context.Admin.DeployAsync(model, desired, expected), DeploymentPrinter.Write);
    }

    /// <summary>A revision as <c>status</c> shows it, or quoted as the ETag gives it.</summary>
    private static long? ExpectedRevision(string? text) => text switch
    {
        null => null,
        _ when long.TryParse(text.Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var revision) => revision,
        _ => throw new UsageException($"--if-match must be a revision number, not '{text}'"),
    };
}

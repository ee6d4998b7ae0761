using System.Globalization;
using InferenceHost.Cli.Admin;
using InferenceHost.Cli.CommandLine;
using InferenceHost.Cli.Output;

namespace InferenceHost.Cli.Commands;

/// <summary><c>audit</c>: the newest changes, oldest first.</summary>
internal sealed class AuditCommand : ICliCommand
{
    private static readonly OptionSpec Model = new("model", "MODEL", "only this model's changes");

    private static readonly OptionSpec Limit = new("limit", "N", "the newest N changes, 1 to 1000 (default: the server's, 100)");

    public string Name => "audit";

    public string Arguments => "[--model MODEL] [--limit N]";

    public string Summary => "show who changed which deployment, when, from what to what";

    public IReadOnlyList<OptionSpec> Options => [Model, Limit];

    public Func<CommandContext, Task> Bind(ParsedArguments arguments)
    {
        arguments.RequireNoArguments();
        var model = arguments.Value(Model);
        var limit = arguments.WholeNumber<int>(Limit);
        return async context => context.Print(await context.Admin.AuditAsync(model, limit), Write);
    }

    private static void Write(AuditLog log, TextWriter output)
    {
        var table = new TextTable("SEQ", "TIME", "ACTOR", "ACTION", "MODEL", "CHANGE");
        foreach (var entry in log.Entries)
        {
            table.AddRow(
                entry.Sequence.ToString(CultureInfo.InvariantCulture),
                Timestamps.Format(entry.At),
                entry.Actor,
                entry.Action,
                entry.Model,
                $"{entry.Before} → {entry.After}");
        }

        table.WriteTo(output);
    }
}

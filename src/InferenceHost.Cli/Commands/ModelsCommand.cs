using System.Globalization;
using InferenceHost.Cli.Admin;
using InferenceHost.Cli.CommandLine;
using InferenceHost.Cli.Output;

namespace InferenceHost.Cli.Commands;

/// <summary><c>models</c>: one row per model version, with its state and the model's deployment revision.</summary>
internal sealed class ModelsCommand : ICliCommand
{
    public string Name => "models";

    public string Arguments => "";

    public string Summary => "list the models, their versions' state and each deployment's revision";

    public Func<CommandContext, Task> Bind(ParsedArguments arguments)
    {
        arguments.RequireNoArguments();
        return async context => context.Print(await context.Admin.ListModelsAsync(), Write);
    }

    private static void Write(ModelList list, TextWriter output)
    {
        // The reason comes last: it is long when there is one, and usually there is none.
        var table = new TextTable("MODEL", "VERSION", "STATE", "REVISION", "REASON");
        foreach (var model in list.Models)
        {
            var revision = model.Revision.ToString(CultureInfo.InvariantCulture);
            if (model.Versions.Count == 0)
            {
                table.AddRow(model.Name, "-", "-", revision, "");
            }

            foreach (var version in model.Versions)
            {
                table.AddRow(model.Name, version.Version, version.State, revision, version.Reason);
            }
        }

        table.WriteTo(output);
    }
}

using InferenceHost.Cli.Commands;
using InferenceHost.Cli.Output;

namespace InferenceHost.Cli.CommandLine;

/// <summary>The help text: the command list, or one command's usage and options.</summary>
internal sealed class HelpWriter(IReadOnlyList<ICliCommand> commands)
{
    public const string ToolName = "inferencehost";

    private const string Indent = "  ";

    public void WriteGeneral(TextWriter writer)
    {
        writer.WriteLine($"{ToolName}: operate InferenceHost model deployments through its /admin/v1 API.");
        writer.WriteLine();
        writer.WriteLine($"Usage: {ToolName} COMMAND [ARGUMENTS] [OPTIONS]");
        writer.WriteLine();
        writer.WriteLine("Commands:");
        var list = TextTable.Untitled(2);
        foreach (var command in commands)
        {
            list.AddRow($"{command.Name} {command.Arguments}".TrimEnd(), command.Summary);
        }

        list.WriteTo(writer, Indent);
        writer.WriteLine();
        WriteOptions(writer, "Options (every command):", GlobalOptions.All);
        writer.WriteLine();
        writer.WriteLine("Exit codes: 0 done; 1 failed (refused by the server, or it could not be reached); 2 wrong usage; 130 Ctrl+C.");
        writer.WriteLine("'rollout watch' also says how the rollout ended: 0 promoted, 3 rolled back, 4 aborted.");
        writer.WriteLine($"Run '{ToolName} COMMAND --help' for a command's options.");
    }

    public static void WriteCommand(TextWriter writer, ICliCommand command)
    {
        writer.WriteLine($"Usage: {ToolName} {command.Name} {command.Arguments}".TrimEnd());
        writer.WriteLine();
        writer.WriteLine($"{char.ToUpperInvariant(command.Summary[0])}{command.Summary[1..]}.");
        if (command.Details.Length > 0)
        {
            writer.WriteLine();
            writer.WriteLine(command.Details.TrimEnd());
        }

        writer.WriteLine();
        if (command.Options.Count > 0)
        {
            WriteOptions(writer, "Options:", command.Options);
            writer.WriteLine();
        }

        WriteOptions(writer, "Global options:", GlobalOptions.All);
    }

    private static void WriteOptions(TextWriter writer, string title, IEnumerable<OptionSpec> options)
    {
        writer.WriteLine(title);
        var table = TextTable.Untitled(2);
        foreach (var option in options)
        {
            table.AddRow(option.Display, option.Description);
        }

        table.WriteTo(writer, Indent);
    }
}

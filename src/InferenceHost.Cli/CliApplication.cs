using InferenceHost.Cli.Admin;
using InferenceHost.Cli.CommandLine;
using InferenceHost.Cli.Commands;

namespace InferenceHost.Cli;

/// <summary>
/// Runs one command line: finds the command, checks its arguments before anything is sent, connects,
/// runs it, and turns every failure into a message on the error writer and an exit code.
/// </summary>
internal sealed class CliApplication(IReadOnlyList<ICliCommand> commands, Func<string, string?> environment)
{
    private readonly HelpWriter _help = new(commands);

    /// <summary>Every option that takes no value, so that the token after it is read as an argument, not its value.</summary>
    private readonly IReadOnlySet<string> _flagNames = GlobalOptions.FlagNames
        .Concat(commands.SelectMany(command => command.Options).Where(option => option.IsFlag).Select(option => option.Name))
        .ToHashSet(StringComparer.Ordinal);

    /// <param name="args">The command line.</param>
    /// <param name="output">Where results go.</param>
    /// <param name="error">Where errors go.</param>
    /// <param name="interactive">Whether <paramref name="output"/> is a terminal a live view may redraw.</param>
    /// <param name="interrupted">Ctrl+C: the command stops and the process exits <see cref="ExitCodes.Interrupted"/>.</param>
    public async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, bool interactive, CancellationToken interrupted)
    {
        ParsedArguments arguments;
        try
        {
            arguments = ArgumentParser.Parse(args, _flagNames, GlobalOptions.Help.Name);
        }
        catch (UsageException usage)
        {
            return Usage(error, usage.Message, _help.WriteGeneral);
        }

        var wantsHelp = arguments.Has(GlobalOptions.Help);
        if (arguments.Positionals is not [var name, ..])
        {
            return wantsHelp ? Help(output, _help.WriteGeneral) : Usage(error, "name a command", _help.WriteGeneral);
        }

        if (commands.FirstOrDefault(command => command.Name == name) is not { } command)
        {
            return Usage(error, $"unknown command '{name}'", _help.WriteGeneral);
        }

        if (wantsHelp)
        {
            return Help(output, writer => HelpWriter.WriteCommand(writer, command));
        }

        try
        {
            arguments.Allow([.. GlobalOptions.All, .. command.Options], $"'{command.Name}'");
            var run = command.Bind(arguments.AfterCommand());
            using var admin = new AdminApiClient(ConnectionSettings.Resolve(arguments, environment), interrupted);
            var context = new CommandContext(admin, output, arguments.Has(GlobalOptions.Json), interactive, interrupted);
            await run(context);
            return context.ExitCode;
        }
        catch (UsageException usage)
        {
            return Usage(error, usage.Message, writer => HelpWriter.WriteCommand(writer, command));
        }
        catch (CommandFailedException failure)
        {
            error.WriteLine($"error: {failure.Message}");
            return ExitCodes.Failure;
        }
        catch (OperationCanceledException) when (interrupted.IsCancellationRequested)
        {
            error.WriteLine("error: interrupted");
            return ExitCodes.Interrupted;
        }
    }

    private static int Help(TextWriter output, Action<TextWriter> write)
    {
        write(output);
        return ExitCodes.Success;
    }

    private static int Usage(TextWriter error, string message, Action<TextWriter> writeHelp)
    {
        error.WriteLine($"error: {message}");
        error.WriteLine();
        writeHelp(error);
        return ExitCodes.Usage;
    }
}

using InferenceHost.Cli.CommandLine;

namespace InferenceHost.Cli.Commands;

/// <summary>One <c>inferencehost</c> command: its help, and what its arguments make it do.</summary>
internal interface ICliCommand
{
    string Name { get; }

    /// <summary>What follows the name on the usage line, e.g. <c>MODEL</c>.</summary>
    string Arguments { get; }

    /// <summary>One line for the command list.</summary>
    string Summary { get; }

    /// <summary>More help, shown by <c>COMMAND --help</c>; empty when the summary says it all.</summary>
    string Details => "";

    /// <summary>The options this command takes besides the global ones.</summary>
    IReadOnlyList<OptionSpec> Options => [];

    /// <summary>
    /// Checks the arguments (the command's name removed) before anything is sent, and returns what to run.
    /// </summary>
    /// <exception cref="UsageException">The arguments are wrong.</exception>
    Func<CommandContext, Task> Bind(ParsedArguments arguments);
}

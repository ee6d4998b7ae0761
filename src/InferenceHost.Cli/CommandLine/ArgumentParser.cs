namespace InferenceHost.Cli.CommandLine;

/// <summary>
/// Splits a command line: <c>--name value</c> and <c>--name=value</c> options, flags, and positional
/// arguments, in any order. Which names are known is each command's to check
/// (<see cref="ParsedArguments.Allow"/>); only whether a name is a flag is needed here.
/// </summary>
internal static class ArgumentParser
{
    private const string ShortHelp = "-h";

    /// <exception cref="UsageException">An option is repeated, lacks its value, or a flag has one.</exception>
    public static ParsedArguments Parse(IReadOnlyList<string> args, IReadOnlySet<string> flagNames, string helpName)
    {
        var positionals = new List<string>();
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var flags = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var token = args[i];
            if (token == ShortHelp)
            {
                flags.Add(helpName);
                continue;
            }

            if (!token.StartsWith("--", StringComparison.Ordinal) || token.Length == 2)
            {
                positionals.Add(token);
                continue;
            }

            var (name, inline) = token.IndexOf('=', StringComparison.Ordinal) is var equals and > 0
                ? (token[2..equals], token[(equals + 1)..])
                : (token[2..], null);
            if (flagNames.Contains(name))
            {
                if (inline is not null)
                {
                    throw new UsageException($"--{name} takes no value");
                }

                flags.Add(name);
                continue;
            }

            // The next token is the value even when it starts with '-': a generated token may.
            var value = inline ?? (i + 1 < args.Count ? args[++i] : throw new UsageException($"--{name} needs a value"));
            if (!values.TryAdd(name, value))
            {
                throw new UsageException($"--{name} is given more than once");
            }
        }

        return new ParsedArguments(positionals, values, flags);
    }
}

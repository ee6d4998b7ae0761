using System.Globalization;
using System.Numerics;

namespace InferenceHost.Cli.CommandLine;

/// <summary>A command line split into positional arguments, options with values, and flags.</summary>
internal sealed class ParsedArguments(IReadOnlyList<string> positionals, IReadOnlyDictionary<string, string> values, IReadOnlySet<string> flags)
{
    public IReadOnlyList<string> Positionals => positionals;

    /// <summary>Every option and flag named, without dashes.</summary>
    public IEnumerable<string> OptionNames => values.Keys.Concat(flags);

    public string? Value(OptionSpec option) => values.GetValueOrDefault(option.Name);

    public bool Has(OptionSpec flag) => flags.Contains(flag.Name);

    /// <summary>The option's value as a whole number, or null when not given; its range is the server's to judge.</summary>
    /// <exception cref="UsageException">The value is not a whole number of type <typeparamref name="T"/>.</exception>
    public T? WholeNumber<T>(OptionSpec option)
        where T : struct, IBinaryInteger<T> => Value(option) switch
        {
            null => null,
            var text when T.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) => number,
            var text => throw new UsageException($"--{option.Name} must be a whole number, not '{text}'"),
        };

    /// <summary>
    /// The option's value as a duration such as <c>250ms</c>, or <paramref name="fallback"/> when not given;
    /// the bounds are written as the operator would, so the message quotes them as they are.
    /// </summary>
    /// <exception cref="UsageException">The value is not a duration from <paramref name="least"/> to <paramref name="most"/>.</exception>
    public TimeSpan Duration(OptionSpec option, string fallback, string least, string most) =>
        DurationText.Parse(Value(option) ?? fallback) is { } duration && duration >= DurationText.Parse(least) && duration <= DurationText.Parse(most)
            ? duration
            : throw new UsageException($"--{option.Name} must be a duration from {least} to {most}, such as 500ms, 2s or 1m, not '{Value(option)}'");

    /// <summary>The same options, without the first positional argument (the command's name).</summary>
    public ParsedArguments AfterCommand() => new([.. positionals.Skip(1)], values, flags);

    /// <summary>The one positional argument a command such as <c>status MODEL</c> takes.</summary>
    /// <exception cref="UsageException">There is none, or more than one.</exception>
    public string SingleArgument(string placeholder) => positionals switch
    {
        [var only] => only,
        [] => throw new UsageException($"{placeholder} is missing"),
        [_, var extra, ..] => throw new UsageException($"unexpected argument '{extra}'"),
    };

    /// <exception cref="UsageException">There is a positional argument.</exception>
    public void RequireNoArguments()
    {
        if (positionals is [var extra, ..])
        {
            throw new UsageException($"unexpected argument '{extra}'");
        }
    }

    /// <exception cref="UsageException">An option is not one of <paramref name="known"/>.</exception>
    public void Allow(IEnumerable<OptionSpec> known, string context)
    {
        var names = known.Select(option => option.Name).ToHashSet(StringComparer.Ordinal);
        if (OptionNames.FirstOrDefault(name => !names.Contains(name)) is { } unknown)
        {
            throw new UsageException($"unknown option '--{unknown}' for {context}");
        }
    }
}

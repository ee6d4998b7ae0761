using System.Globalization;
using InferenceHost.Cli.Admin;
using InferenceHost.Cli.CommandLine;

namespace InferenceHost.Cli.Commands;

/// <summary>
/// Reads <c>deploy</c>'s slot options into the deployment to PUT. A colour's weight may be left out
/// where it follows: one colour without a weight takes what the others leave of 100; two without
/// weights is the blue/green case, where the active colour takes the rest and the standby 0.
/// Whether the result is valid (versions ready, weights summing to 100) is the server's to judge.
/// </summary>
internal static class DeploymentArguments
{
    public const int TotalWeight = 100;

    public static readonly OptionSpec Blue = new("blue", "V[:W]", "blue's version and weight");

    public static readonly OptionSpec Green = new("green", "V[:W]", "green's version and weight");

    public static readonly OptionSpec Canary = new("canary", "V:W", "the canary's version and weight");

    public static readonly OptionSpec Shadow = new("shadow", "V:P", "the shadow's version and the percent of requests also sent to it");

    public static readonly OptionSpec Active = new("active", "blue|green", "the active colour (default: the only colour given)");

    public static IReadOnlyList<OptionSpec> Options { get; } = [Blue, Green, Canary, Shadow, Active];

    /// <exception cref="UsageException">An option is malformed, a weight is missing that does not follow, or the colours are unclear.</exception>
    public static DesiredDeployment Read(ParsedArguments arguments)
    {
        var blue = Optional(arguments, Blue);
        var green = Optional(arguments, Green);
        var canary = Required(arguments, Canary);
        var shadow = Required(arguments, Shadow);
        var active = ActiveColour(arguments, blue is not null, green is not null);

        var open = new[] { (Colour: SlotNames.Blue, Given: blue), (Colour: SlotNames.Green, Given: green) }
            .Where(colour => colour.Given is { Number: null })
            .Select(colour => colour.Colour)
            .ToList();
        var given = (blue?.Number ?? 0) + (green?.Number ?? 0) + (canary?.Number ?? 0);
        var rest = TotalWeight - given;
        if (open.Count > 0 && rest < 0)
        {
            throw new UsageException($"the weights given add up to {given}, leaving nothing for {string.Join(" and ", open)}");
        }

        SlotAssignment? Colour(string colour, (string Version, int? Number)? option) => option is (var version, var number)
            ? new SlotAssignment(version, number ?? (open.Count == 1 || colour == active ? rest : 0))
            : null;

        return new DesiredDeployment(
            active,
            new SlotSet(
                Colour(SlotNames.Blue, blue),
                Colour(SlotNames.Green, green),
                canary is (var canaryVersion, var weight) ? new SlotAssignment(canaryVersion, weight) : null),
            shadow is (var shadowVersion, var percent) ? new ShadowAssignment(shadowVersion, percent) : null);
    }

    private static string ActiveColour(ParsedArguments arguments, bool blue, bool green)
    {
        if (arguments.Value(Active) is { } named)
        {
            return SlotNames.IsColour(named) ? named : throw new UsageException($"--active must be blue or green, not '{named}'");
        }

        return (blue, green) switch
        {
            (true, false) => SlotNames.Blue,
            (false, true) => SlotNames.Green,
            (true, true) => throw new UsageException("--active is required when both colours are given"),
            _ => throw new UsageException("give the active colour a version: --blue V[:W] or --green V[:W]"),
        };
    }

    /// <summary><c>V</c> or <c>V:W</c>.</summary>
    private static (string Version, int? Number)? Optional(ParsedArguments arguments, OptionSpec option) =>
        arguments.Value(option) is { } text ? Split(text, option, "2 or 2:80") : null;

    /// <summary><c>V:N</c>.</summary>
    private static (string Version, int Number)? Required(ParsedArguments arguments, OptionSpec option) =>
        arguments.Value(option) is { } text
            ? Split(text, option, "2:20") is (var version, { } number) ? (version, number) : throw Malformed(option, text, "2:20")
            : null;

    /// <summary>The version is passed on as written, for the server to check.</summary>
    private static (string Version, int? Number) Split(string text, OptionSpec option, string example) => text.Split(':') switch
    {
        [{ Length: > 0 } version] => (version, null),
        [{ Length: > 0 } version, var number] when int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) => (version, parsed),
        _ => throw Malformed(option, text, example),
    };

    private static UsageException Malformed(OptionSpec option, string text, string example) =>
        new($"--{option.Name} must be {option.ValueName} (e.g. {example}), not '{text}'");
}

namespace InferenceHost.Cli.CommandLine;

/// <summary>A <c>--name</c> option: a flag when <paramref name="ValueName"/> is null, else it takes one value.</summary>
/// <param name="Name">The name without the leading dashes.</param>
/// <param name="ValueName">How help shows the value, e.g. <c>URL</c>; null for a flag.</param>
/// <param name="Description">One line for help.</param>
internal sealed record OptionSpec(string Name, string? ValueName, string Description)
{
    public bool IsFlag => ValueName is null;

    public string Display => IsFlag ? $"--{Name}" : $"--{Name} {ValueName}";
}

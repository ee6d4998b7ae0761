namespace InferenceHost.Abstractions.Management;

/// <summary>
/// The rule for model ids an operator may name: they become folder names and grain keys, so
/// nothing that could climb out of the repository (<c>..</c>, separators) or hide in a log (control characters).
/// </summary>
public static class ModelIds
{
    /// <summary>Longest model id accepted.</summary>
    public const int MaxLength = 128;

    /// <summary>The rule in words, for error messages.</summary>
    public const string Rule = "1 to 128 ASCII letters, digits, '-', '_' or '.', starting with a letter or digit";

    /// <summary>True when <paramref name="model"/> follows <see cref="Rule"/>.</summary>
    public static bool IsValid(string? model) =>
        model is { Length: > 0 and <= MaxLength }
        && char.IsAsciiLetterOrDigit(model[0])
        && model.All(static c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');

    /// <summary>Why <paramref name="model"/> is refused, quoting it with control characters masked and long ids cut.</summary>
    public static string Problem(string? model)
    {
        var shown = model is null
            ? string.Empty
            : string.Concat(model.Take(MaxLength).Select(static c => char.IsControl(c) ? '?' : c));
        return $"'{shown}' is not a valid model id: use {Rule}";
    }
}

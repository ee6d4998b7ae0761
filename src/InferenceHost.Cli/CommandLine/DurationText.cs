using System.Globalization;
using System.Text.RegularExpressions;

namespace InferenceHost.Cli.CommandLine;

/// <summary>
/// Durations as the API spells them (<c>250ms</c>, <c>2s</c>, <c>1m30s</c>): whole numbers of
/// <c>ms</c>, <c>s</c>, <c>m</c> and <c>h</c>, so an option reads the same as a policy file.
/// </summary>
internal static partial class DurationText
{
    /// <summary>The duration <paramref name="text"/> spells, or null when it spells none.</summary>
    public static TimeSpan? Parse(string text)
    {
        var parts = Part().Matches(text);
        if (parts.Count == 0 || parts.Sum(part => part.Length) != text.Length)
        {
            return null;
        }

        var duration = TimeSpan.Zero;
        foreach (Match part in parts)
        {
            if (!int.TryParse(part.Groups["amount"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
            {
                return null;
            }

            try
            {
                duration += part.Groups["unit"].Value switch
                {
                    "ms" => TimeSpan.FromMilliseconds(amount),
                    "s" => TimeSpan.FromSeconds(amount),
                    "m" => TimeSpan.FromMinutes(amount),
                    _ => TimeSpan.FromHours(amount),
                };
            }
            catch (OverflowException)
            {
                return null;
            }
        }

        return duration;
    }

    // "ms" is tried before "m", so 250ms is 250 milliseconds, not 250 minutes and a stray "s".
    [GeneratedRegex(@"(?<amount>\d+)(?<unit>ms|s|m|h)", RegexOptions.CultureInvariant)]
    private static partial Regex Part();
}

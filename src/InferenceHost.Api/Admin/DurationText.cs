using System.Globalization;
using System.Text;

namespace InferenceHost.Api.Admin;

/// <summary>
/// Durations as operators type them, in JSON and query strings: whole numbers with a unit, largest first,
/// such as <c>500ms</c>, <c>10s</c>, <c>5m</c>, <c>1h30m</c>, <c>2d</c>. Written the same way, so what a GET
/// shows can be sent back.
/// </summary>
internal static class DurationText
{
    private static readonly (string Unit, TimeSpan Length)[] Units =
    [
        ("d", TimeSpan.FromDays(1)),
        ("h", TimeSpan.FromHours(1)),
        ("m", TimeSpan.FromMinutes(1)),
        ("s", TimeSpan.FromSeconds(1)),
        ("ms", TimeSpan.FromMilliseconds(1)),
    ];

    public const string Hint = "a duration such as 500ms, 10s, 5m, 1h30m or 2d";

    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var rest = text.AsSpan();
        var previous = -1;
        while (!rest.IsEmpty)
        {
            var digits = 0;
            while (digits < rest.Length && char.IsAsciiDigit(rest[digits]))
            {
                digits++;
            }

            var unitLength = 0;
            while (digits + unitLength < rest.Length && char.IsAsciiLetterLower(rest[digits + unitLength]))
            {
                unitLength++;
            }

            var unit = IndexOfUnit(rest.Slice(digits, unitLength));

            // Units must come largest first and once each, so "5m5m" or "10s1h" is a typo rather than a sum.
            if (digits is 0 or > 9 || unit <= previous
                || !long.TryParse(rest[..digits], NumberStyles.None, CultureInfo.InvariantCulture, out var count))
            {
                return false;
            }

            duration += Units[unit].Length * count;
            previous = unit;
            rest = rest[(digits + unitLength)..];
        }

        return true;
    }

    public static string Format(TimeSpan duration)
    {
        if (duration == TimeSpan.Zero)
        {
            return "0s";
        }

        var text = new StringBuilder(duration < TimeSpan.Zero ? "-" : "");
        var rest = duration.Duration();
        foreach (var (unit, length) in Units)
        {
            var count = rest.Ticks / length.Ticks;
            if (count > 0)
            {
                text.Append(CultureInfo.InvariantCulture, $"{count}{unit}");
                rest -= length * count;
            }
        }

        return text.Length > 1 || (text.Length == 1 && text[0] != '-') ? text.ToString() : "0s";
    }

    private static int IndexOfUnit(ReadOnlySpan<char> unit)
    {
        for (var i = 0; i < Units.Length; i++)
        {
            if (unit.SequenceEqual(Units[i].Unit))
            {
                return i;
            }
        }

        return -1;
    }
}

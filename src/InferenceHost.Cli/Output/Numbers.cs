using System.Globalization;

namespace InferenceHost.Cli.Output;

/// <summary>How tables show statistics: invariant culture, a dash where the server has no value.</summary>
internal static class Numbers
{
    public const string None = "-";

    /// <summary>A share (0 to 1) as a percent with two decimals, e.g. <c>1.25%</c>.</summary>
    public static string Percent(double? share) =>
        share is { } value ? $"{(value * 100).ToString("0.##", CultureInfo.InvariantCulture)}%" : None;

    /// <summary>Up to four decimals, trailing zeros dropped.</summary>
    public static string Decimal(double? value) => value?.ToString("0.####", CultureInfo.InvariantCulture) ?? None;

    public static string Whole(long value) => value.ToString(CultureInfo.InvariantCulture);
}

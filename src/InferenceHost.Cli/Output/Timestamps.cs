using System.Globalization;

namespace InferenceHost.Cli.Output;

/// <summary>How tables show a time: UTC to the second, whatever the machine's zone or culture.</summary>
internal static class Timestamps
{
    public static string Format(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}

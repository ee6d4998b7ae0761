using System.Text.RegularExpressions;

namespace InferenceHost.Cli.Tests;

/// <summary>Assertions on what the CLI printed: exit codes, and rows of its aligned-column tables.</summary>
public static partial class CliAssert
{
    public static void Succeeded(CliResult result)
    {
        Assert.True(result.ExitCode == 0 && result.Error.Length == 0, $"expected success, got {result}");
    }

    /// <summary>Exit code 1 and exactly this one error line.</summary>
    public static void FailedWith(CliResult result, string errorLine)
    {
        Assert.True(result.ExitCode == 1, $"expected exit 1, got {result}");
        Assert.Equal(errorLine + Environment.NewLine, result.Error);
        Assert.Equal("", result.Output);
    }

    /// <summary>Exit code 2, the error first and the help after it, nothing on stdout.</summary>
    public static void UsageError(CliResult result, string errorLine)
    {
        Assert.True(result.ExitCode == 2, $"expected exit 2, got {result}");
        Assert.StartsWith(errorLine + Environment.NewLine, result.Error, StringComparison.Ordinal);
        Assert.Contains("Usage: inferencehost", result.Error, StringComparison.Ordinal);
        Assert.Equal("", result.Output);
    }

    /// <summary>A line whose cells (columns are two or more spaces apart) are exactly <paramref name="cells"/>.</summary>
    public static void HasRow(string table, params string[] cells)
    {
        Assert.True(Rows(table).Any(row => row.SequenceEqual(cells)), $"no row [{string.Join(" | ", cells)}] in:\n{table}");
    }

    public static IReadOnlyList<string[]> Rows(string table) =>
        [.. table.Split(Environment.NewLine).Select(line => ColumnGap().Split(line.Trim()))];

    [GeneratedRegex(@"\s{2,}")]
    private static partial Regex ColumnGap();
}

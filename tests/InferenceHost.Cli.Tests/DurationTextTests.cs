using InferenceHost.Cli.CommandLine;

namespace InferenceHost.Cli.Tests;

/// <summary>Durations as options take them, spelled as the API and policy files spell them.</summary>
public sealed class DurationTextTests
{
    [Theory]
    [InlineData("250ms", 250)]
    [InlineData("2s", 2_000)]
    [InlineData("1m30s", 90_000)]
    [InlineData("1h", 3_600_000)]
    [InlineData("0s", 0)]
    public void Parse_ADuration_IsItsLength(string text, long milliseconds)
    {
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), DurationText.Parse(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("2")]
    [InlineData("s")]
    [InlineData("2x")]
    [InlineData("-1s")]
    [InlineData("1.5s")]
    [InlineData(" 2s")]
    [InlineData("2s ")]
    [InlineData("2s5")]
    [InlineData("99999999999h")]
    public void Parse_NotADuration_IsNull(string text)
    {
        Assert.Null(DurationText.Parse(text));
    }
}

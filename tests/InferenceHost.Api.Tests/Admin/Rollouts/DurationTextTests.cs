using InferenceHost.Api.Admin;

namespace InferenceHost.Api.Tests.Admin.Rollouts;

public sealed class DurationTextTests
{
    [Theory]
    [InlineData("500ms", 500)]
    [InlineData("10s", 10_000)]
    [InlineData("60s", 60_000)]
    [InlineData("5m", 300_000)]
    [InlineData("1h30m", 5_400_000)]
    [InlineData("2d", 172_800_000)]
    [InlineData("0s", 0)]
    public void TryParse_UnitsLargestFirst_IsTheirSum(string text, long milliseconds)
    {
        Assert.True(DurationText.TryParse(text, out var duration));
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), duration);
    }

    [Theory]
    [InlineData("")]
    [InlineData("5")]
    [InlineData("m")]
    [InlineData("5 m")]
    [InlineData("1.5h")]
    [InlineData("-5s")]
    [InlineData("10s1h")]
    [InlineData("5m5m")]
    [InlineData("5M")]
    [InlineData("3w")]
    public void TryParse_NotADuration_IsFalse(string text)
    {
        Assert.False(DurationText.TryParse(text, out _));
    }

    [Theory]
    [InlineData(60_000, "1m")]
    [InlineData(90_000, "1m30s")]
    [InlineData(10_000, "10s")]
    [InlineData(100, "100ms")]
    [InlineData(3_600_000, "1h")]
    [InlineData(0, "0s")]
    public void Format_IsWhatTryParseReadsBack(long milliseconds, string text)
    {
        var duration = TimeSpan.FromMilliseconds(milliseconds);

        Assert.Equal(text, DurationText.Format(duration));
        Assert.True(DurationText.TryParse(text, out var back));
        Assert.Equal(duration, back);
    }
}

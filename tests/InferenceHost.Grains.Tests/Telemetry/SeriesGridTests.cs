using InferenceHost.Abstractions.Telemetry;
using InferenceHost.Grains.Telemetry;
using Xunit;

namespace InferenceHost.Grains.Tests.Telemetry;

public sealed class SeriesGridTests
{
    private static readonly DateTimeOffset Now = new(2025, 1, 2, 3, 4, 7, 500, TimeSpan.Zero);

    [Theory]
    [InlineData(30, 10, 3)]
    [InlineData(25, 10, 3)]
    [InlineData(1, 10, 1)]
    [InlineData(900, 5, 180)]
    public void Ending_WindowAndStep_CeilingOfTheirRatioStepsEndingWithTheStepInProgress(int windowSeconds, int stepSeconds, int count)
    {
        var step = TimeSpan.FromSeconds(stepSeconds);

        var grid = SeriesGrid.Ending(Now, TimeSpan.FromSeconds(windowSeconds), step);

        Assert.Equal(count, grid.Count);
        Assert.Equal(0, grid.First.UtcTicks % step.Ticks);
        Assert.InRange(Now, grid.TimeOf(count - 1), grid.End - TimeSpan.FromTicks(1));
        Assert.Equal(count - 1, grid.IndexOf(Now));
    }

    [Fact]
    public void Ending_MoreThanMaxPoints_Throws()
    {
        var step = TimeSpan.FromSeconds(1);

        Assert.Equal(IModelTelemetryGrain.MaxSeriesPoints, SeriesGrid.Ending(Now, step * IModelTelemetryGrain.MaxSeriesPoints, step).Count);
        Assert.Throws<ArgumentOutOfRangeException>(() => SeriesGrid.Ending(Now, (step * IModelTelemetryGrain.MaxSeriesPoints) + step, step));
        Assert.Throws<ArgumentOutOfRangeException>(() => SeriesGrid.Ending(Now, TimeSpan.Zero, step));
        Assert.Throws<ArgumentOutOfRangeException>(() => SeriesGrid.Ending(Now, step, TimeSpan.Zero));
    }
}

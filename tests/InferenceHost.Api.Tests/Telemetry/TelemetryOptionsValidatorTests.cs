using InferenceHost.Api.Telemetry;

namespace InferenceHost.Api.Tests.Telemetry;

public sealed class TelemetryOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_Succeed()
    {
        Assert.True(new TelemetryOptionsValidator().Validate(null, new TelemetryOptions()).Succeeded);
    }

    [Fact]
    public void Validate_OutOfRange_ListsEveryProblem()
    {
        var result = new TelemetryOptionsValidator().Validate(null, new TelemetryOptions { FlushInterval = TimeSpan.Zero, ServedCapacity = 1 });

        Assert.Equal(
            [
                "InferenceHost:Telemetry:FlushInterval is 00:00:00; it must be from 00:00:00.0500000 to 00:01:00.",
                "InferenceHost:Telemetry:ServedCapacity is 1; it must be from 16 to 1048576.",
            ],
            result.Failures);
    }
}

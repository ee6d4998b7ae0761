using InferenceHost.Api.Routing;

namespace InferenceHost.Api.Tests.Routing;

public sealed class RoutingOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_Succeed()
    {
        Assert.True(new RoutingOptionsValidator().Validate(null, new RoutingOptions()).Succeeded);
    }

    [Fact]
    public void Validate_EverythingWrong_ListsEveryProblem()
    {
        var result = new RoutingOptionsValidator().Validate(
            null, new RoutingOptions { StickyParameter = " ", MaxShadowInFlight = 0, ShadowPairCapacity = 2_000_000 });

        Assert.Equal(
            [
                "InferenceHost:Routing:StickyParameter must not be empty.",
                "InferenceHost:Routing:MaxShadowInFlight is 0; it must be from 1 to 100000.",
                "InferenceHost:Routing:ShadowPairCapacity is 2000000; it must be from 1 to 1000000.",
            ],
            result.Failures);
    }
}

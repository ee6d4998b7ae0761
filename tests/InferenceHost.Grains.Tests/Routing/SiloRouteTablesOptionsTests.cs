using InferenceHost.Grains.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;

namespace InferenceHost.Grains.Tests.Routing;

public sealed class SiloRouteTablesOptionsTests
{
    [Fact]
    public void AddModelServing_PollIntervalInConfiguration_IsBoundFromTheRoutingSection()
    {
        Assert.Equal(TimeSpan.FromMilliseconds(500), Options("00:00:00.5").PollInterval);
        Assert.Equal(TimeSpan.FromSeconds(2), Options(null).PollInterval);
    }

    [Theory]
    [InlineData("00:00:00.01")]
    [InlineData("00:01:00")]
    public void AddModelServing_PollIntervalOutOfRange_FailsSayingTheRange(string interval)
    {
        var error = Assert.Throws<OptionsValidationException>(() => Options(interval));

        Assert.Equal(
            $"InferenceHost:Routing:PollInterval is {TimeSpan.Parse(interval, System.Globalization.CultureInfo.InvariantCulture)}; it must be from 00:00:00.0500000 to 00:00:30.",
            Assert.Single(error.Failures));
    }

    private static SiloRouteTablesOptions Options(string? pollInterval)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(pollInterval is null ? [] : [new("InferenceHost:Routing:PollInterval", pollInterval)])
            .Build();
        using var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddModelServing().BuildServiceProvider();
        return services.GetRequiredService<IOptions<SiloRouteTablesOptions>>().Value;
    }
}

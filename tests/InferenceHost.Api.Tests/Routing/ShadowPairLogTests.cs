using InferenceHost.Api.Routing;
using Microsoft.Extensions.Options;

namespace InferenceHost.Api.Tests.Routing;

public sealed class ShadowPairLogTests
{
    [Fact]
    public void Latest_AfterMoreThanCapacity_KeepsTheNewestFirst()
    {
        var log = new ShadowPairLog(Options.Create(new RoutingOptions { ShadowPairCapacity = 3 }));

        for (var i = 0; i < 5; i++)
        {
            log.Add(Pair("m", $"r{i}"));
        }

        Assert.Equal(["r4", "r3", "r2"], log.Latest("m", 10).Select(p => p.RequestId));
        Assert.Equal(["r4", "r3"], log.Latest("m", 2).Select(p => p.RequestId));
        Assert.Equal(5, log.Recorded("m"));
    }

    [Fact]
    public void Latest_KeepsModelsApartAndAnswersEmptyForUnknown()
    {
        var log = new ShadowPairLog(Options.Create(new RoutingOptions()));
        log.Add(Pair("a", "1"));
        log.Add(Pair("b", "2"));

        Assert.Equal(["1"], log.Latest("a", 5).Select(p => p.RequestId));
        Assert.Empty(log.Latest("c", 5));
        Assert.Empty(log.Latest("a", 0));
        Assert.Equal(0, log.Recorded("c"));
    }

    private static ShadowPair Pair(string model, string id) =>
        new(model, id, DateTimeOffset.UnixEpoch, "1", [], "2", [], null);
}

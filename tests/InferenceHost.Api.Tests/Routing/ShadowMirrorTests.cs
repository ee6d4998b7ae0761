using InferenceHost.Abstractions.Inference;
using InferenceHost.Api.Routing;
using InferenceHost.Api.Telemetry;
using InferenceHost.Tests.Common;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace InferenceHost.Api.Tests.Routing;

[Collection(RoutingHostCollection.Name)]
public sealed class ShadowMirrorTests(InferenceHostFixture fixture)
{
    [Fact]
    public async Task TryMirror_BeyondMaxInFlight_DropsAndCountsAndLaterMirrorsAgain()
    {
        var options = Options.Create(new RoutingOptions { MaxShadowInFlight = 1 });
        var pairs = new ShadowPairLog(options);
        var replica = fixture.Services.GetRequiredService<IGrainFactory>();
        var held = new TaskCompletionSource();

        // The first copy is held on its way to the replica until the test lets it go.
        var mirror = new ShadowMirror(
            async (model, version, request) =>
            {
                if (version == "2")
                {
                    await held.Task;
                }

                return await replica.GetGrain<IModelReplicaGrain>(ModelReplicaKey.Of(model, version)).Infer(request);
            },
            pairs,
            fixture.Services.GetRequiredService<RequestTelemetry>(),
            options,
            TimeProvider.System,
            NullLogger<ShadowMirror>.Instance);
        var request = new InferenceRequest("m1", [new InferenceTensor("input", "FP32", [1, 4], LittleEndian.Of(Hosting.IrisAssert.OneFlower))], []);
        var primary = new InferenceResponse(RoutingHost.Model, "1", "m1", []);

        Assert.True(mirror.TryMirror("2", request, primary));
        Assert.False(mirror.TryMirror("2", request, primary));
        Assert.Equal(1, mirror.Dropped);

        held.SetResult();
        await Eventually.TrueAsync(() => Task.FromResult(mirror.InFlight == 0), TimeSpan.FromSeconds(10), "the first mirror to finish");
        Assert.True(mirror.TryMirror("3", request, primary));
        await Eventually.TrueAsync(() => Task.FromResult(pairs.Recorded(RoutingHost.Model) == 2), TimeSpan.FromSeconds(10), "both pairs");
        Assert.Equal(["3", "2"], pairs.Latest(RoutingHost.Model, 5).Select(p => p.ShadowVersion));
        Assert.All(pairs.Latest(RoutingHost.Model, 5), p => Assert.Equal((null, 2), (p.ShadowError, p.ShadowOutputs?.Count)));
    }

    [Fact]
    public async Task TryMirror_ShadowThatRefuses_RecordsTheErrorInThePair()
    {
        var options = Options.Create(new RoutingOptions());
        var pairs = new ShadowPairLog(options);
        var mirror = new ShadowMirror(
            fixture.Services.GetRequiredService<ReplicaClient>(),
            pairs,
            fixture.Services.GetRequiredService<RequestTelemetry>(),
            options,
            TimeProvider.System,
            NullLogger<ShadowMirror>.Instance);
        var wrong = new InferenceRequest("bad", [new InferenceTensor("input", "FP64", [1, 4], new byte[32])], []);

        Assert.True(mirror.TryMirror("2", wrong, new InferenceResponse(RoutingHost.Model, "1", "bad", [])));

        await Eventually.TrueAsync(() => Task.FromResult(pairs.Recorded(RoutingHost.Model) == 1), TimeSpan.FromSeconds(10), "the pair");
        var pair = Assert.Single(pairs.Latest(RoutingHost.Model, 5));
        Assert.Null(pair.ShadowOutputs);
        Assert.Equal("input 'input' has datatype FP64, but the model expects FP32", pair.ShadowError);
    }
}

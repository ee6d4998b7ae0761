using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Google.Protobuf;
using InferenceHost.Abstractions.Routing;
using InferenceHost.Api.Grpc.Protocol;
using InferenceHost.Api.Routing;
using InferenceHost.Api.Tests.Hosting;
using InferenceHost.Tests.Common;
using Microsoft.Extensions.DependencyInjection;

namespace InferenceHost.Api.Tests.Routing;

[Collection(RoutingHostCollection.Name)]
public sealed class ShadowTrafficTests(InferenceHostFixture fixture)
{
    private readonly RoutingHost _host = new(fixture);

    [Fact]
    public async Task Infer_ShadowAtOneHundredPercent_PairsEveryRequestAndAnswersOnlyThePrimary()
    {
        await _host.DeployAsync(Deployment.Single("1") with { Shadow = new ShadowAssignment("3", 100) });
        var pairs = fixture.Services.GetRequiredService<ShadowPairLog>();
        var ids = Enumerable.Range(0, 10).Select(i => $"shadow-{Guid.NewGuid():N}-{i}").ToArray();

        foreach (var id in ids)
        {
            var response = await _host.InferAsync(id);
            var json = await HttpAssert.OkJsonAsync(response);

            Assert.Equal(("1", SlotNames.Blue, RouteReasons.Weighted), RoutingHost.Route(response));
            Assert.Equal("1", json.GetProperty("model_version").GetString());
            Assert.Equal(["probabilities", "label"], json.GetProperty("outputs").EnumerateArray().Select(o => o.GetProperty("name").GetString()));
            IrisAssert.Probabilities(1, IrisAssert.OneFlower, [.. json.GetProperty("outputs")[0].GetProperty("data").EnumerateArray().Select(e => e.GetSingle())]);
        }

        await Eventually.TrueAsync(
            () => Task.FromResult(ids.All(id => pairs.Latest(RoutingHost.Model, 1000).Any(p => p.RequestId == id))),
            TimeSpan.FromSeconds(10),
            "a shadow pair for every request");
        var mine = pairs.Latest(RoutingHost.Model, 1000).Where(p => ids.Contains(p.RequestId)).ToList();
        Assert.Equal(ids.Length, mine.Count);
        Assert.All(mine, pair =>
        {
            Assert.Equal(("1", "3", null), (pair.PrimaryVersion, pair.ShadowVersion, pair.ShadowError));
            Assert.Equal(["probabilities", "label"], pair.ShadowOutputs!.Select(o => o.Name));
            Assert.Equal(["probabilities", "label"], pair.PrimaryOutputs.Select(o => o.Name));
        });
    }

    /// <summary>
    /// A large body is read into a pooled array; a shadow may read the request after the response, so that
    /// array never goes back to the pool: many in flight at once, every shadow answers for its own request's input.
    /// </summary>
    [Fact]
    public async Task Infer_ShadowOfLargeBinaryBodiesInParallel_AnswersEachRequestsOwnInput()
    {
        const int Flowers = 64;
        await _host.DeployAsync(Deployment.Single("1") with { Shadow = new ShadowAssignment("3", 100) });
        var random = new Random(11);
        var inputs = Enumerable.Range(0, 48).ToDictionary(
            i => $"large-shadow-{Guid.NewGuid():N}-{i}", _ => IrisAssert.RandomFlowers(random, Flowers));

        await Parallel.ForEachAsync(inputs, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (input, cancellationToken) =>
        {
            var header = Encoding.UTF8.GetBytes(
                $$"""{"id":"{{input.Key}}","inputs":[{"name":"input","shape":[{{Flowers}},4],"datatype":"FP32","parameters":{"binary_data_size":{{Flowers * 16}} } }]}"""
                + new string(' ', 20_000));
            var content = new ByteArrayContent([.. header, .. LittleEndian.Of(input.Value)]);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            content.Headers.Add("Inference-Header-Content-Length", header.Length.ToString(CultureInfo.InvariantCulture));

            await HttpAssert.OkJsonAsync(await fixture.Http.PostAsync(new Uri($"/v2/models/{RoutingHost.Model}/infer", UriKind.Relative), content, cancellationToken));
        });

        await AssertEachShadowAnsweredItsOwnInputAsync(inputs);
    }

    /// <summary>As <see cref="Infer_ShadowOfLargeBinaryBodiesInParallel_AnswersEachRequestsOwnInput"/>, over gRPC: a large message's pooled copy stays with the shadow.</summary>
    [Fact]
    public async Task ModelInfer_ShadowOfLargeMessagesInParallel_AnswersEachRequestsOwnInput()
    {
        const int Flowers = 64;
        await _host.DeployAsync(Deployment.Single("1") with { Shadow = new ShadowAssignment("3", 100) });
        var client = new GRPCInferenceService.GRPCInferenceServiceClient(fixture.GrpcChannel);
        var random = new Random(13);
        var inputs = Enumerable.Range(0, 48).ToDictionary(
            i => $"large-grpc-shadow-{i}-{Guid.NewGuid():N}-" + new string('x', 20_000),
            _ => IrisAssert.RandomFlowers(random, Flowers));

        await Parallel.ForEachAsync(inputs, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (input, cancellationToken) =>
        {
            var request = GrpcRoutingTests.Request();
            request.Id = input.Key;
            request.Inputs[0].Shape[0] = Flowers;
            request.RawInputContents.Clear();
            request.RawInputContents.Add(ByteString.CopyFrom(LittleEndian.Of(input.Value)));
            await client.ModelInferAsync(request, cancellationToken: cancellationToken);
        });

        await AssertEachShadowAnsweredItsOwnInputAsync(inputs);
    }

    [Fact]
    public async Task ModelInfer_ShadowAtOneHundredPercent_PairsTheGrpcRequestToo()
    {
        await _host.DeployAsync(Deployment.Single("2") with { Shadow = new ShadowAssignment("1", 100) });
        var pairs = fixture.Services.GetRequiredService<ShadowPairLog>();
        var request = GrpcRoutingTests.Request();
        request.Id = $"shadow-grpc-{Guid.NewGuid():N}";

        var response = await new GRPCInferenceService.GRPCInferenceServiceClient(fixture.GrpcChannel).ModelInferAsync(request);

        Assert.Equal(("2", 2), (response.ModelVersion, response.RawOutputContents.Count));
        await Eventually.TrueAsync(
            () => Task.FromResult(pairs.Latest(RoutingHost.Model, 1000).Any(p => p.RequestId == request.Id)), TimeSpan.FromSeconds(10), "the pair");
        var pair = pairs.Latest(RoutingHost.Model, 1000).Single(p => p.RequestId == request.Id);
        Assert.Equal(("2", "1", null), (pair.PrimaryVersion, pair.ShadowVersion, pair.ShadowError));
    }

    /// <summary>Waits for a pair for every request, then checks each shadow (version 3) answered for its own request's flowers.</summary>
    private async Task AssertEachShadowAnsweredItsOwnInputAsync(IReadOnlyDictionary<string, float[]> inputs)
    {
        var pairs = fixture.Services.GetRequiredService<ShadowPairLog>();
        await Eventually.TrueAsync(
            () => Task.FromResult(inputs.Keys.All(id => pairs.Latest(RoutingHost.Model, 1000).Any(p => p.RequestId == id))),
            TimeSpan.FromSeconds(10),
            "a shadow pair for every request");
        foreach (var pair in pairs.Latest(RoutingHost.Model, 1000).Where(p => inputs.ContainsKey(p.RequestId!)))
        {
            Assert.Null(pair.ShadowError);
            IrisAssert.Probabilities(3, inputs[pair.RequestId!], pair.ShadowOutputs![0].Data.ToArray());
        }
    }
}

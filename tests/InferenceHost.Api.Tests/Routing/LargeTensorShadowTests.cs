using System.Runtime.InteropServices;
using InferenceHost.Abstractions.Routing;
using InferenceHost.Api.Routing;
using InferenceHost.Api.Tests.Hosting;
using InferenceHost.ModelBuilder;
using InferenceHost.Tests.Common;
using Microsoft.Extensions.DependencyInjection;

namespace InferenceHost.Api.Tests.Routing;

/// <summary>Shadow traffic with large JSON tensors, which the host decodes into pooled arrays.</summary>
[Collection(EchoShadowHostCollection.Name)]
public sealed class LargeTensorShadowTests(EchoShadowHostFixture fixture)
{
    /// <summary>
    /// A large JSON tensor is decoded into a pooled array; a shadow may read it after the response, so that array never
    /// goes back to the pool: many in flight at once, every shadow answers for its own request's input (dtype-echo,
    /// shadowed by a copy of itself, doubles a 6,000-element FP32 lane).
    /// </summary>
    [Fact]
    public async Task Infer_ShadowOfLargeJsonTensorsInParallel_AnswersEachRequestsOwnInput()
    {
        const string Model = DtypeEchoReference.ModelName;
        await new RoutingHost(fixture).DeployAsync(Deployment.Single("1") with { Shadow = new ShadowAssignment("2", 100) }, Model);
        var random = new Random(17);
        var inputs = Enumerable.Range(0, 48).ToDictionary(i => $"large-json-shadow-{Guid.NewGuid():N}-{i}", _ => LargeEchoJson.Lane(random));

        await Parallel.ForEachAsync(inputs, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (input, cancellationToken) =>
            await HttpAssert.OkJsonAsync(
                await fixture.Http.PostAsync(new Uri($"/v2/models/{Model}/infer", UriKind.Relative), LargeEchoJson.Request(input.Value, input.Key), cancellationToken)));

        var pairs = fixture.Services.GetRequiredService<ShadowPairLog>();
        await Eventually.TrueAsync(
            () => Task.FromResult(inputs.Keys.All(id => pairs.Latest(Model, 1000).Any(p => p.RequestId == id))), TimeSpan.FromSeconds(10), "a shadow pair for every request");
        foreach (var pair in pairs.Latest(Model, 1000).Where(p => inputs.ContainsKey(p.RequestId!)))
        {
            Assert.Null(pair.ShadowError);
            var doubled = pair.ShadowOutputs!.Single(output => output.Name == "fp32_out").Data.ToArray();
            Assert.Equal(inputs[pair.RequestId!].Select(v => v * 2), MemoryMarshal.Cast<byte, float>(doubled).ToArray());
        }
    }
}

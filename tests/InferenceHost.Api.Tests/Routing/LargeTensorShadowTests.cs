using System.Globalization;
using System.Net.Http.Headers;
using System.Runtime.InteropServices;
using System.Text;
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
        const int Length = 6_000;
        await new RoutingHost(fixture).DeployAsync(Deployment.Single("1") with { Shadow = new ShadowAssignment("2", 100) }, Model);
        var random = new Random(17);
        var inputs = Enumerable.Range(0, 48).ToDictionary(
            i => $"large-json-shadow-{Guid.NewGuid():N}-{i}", _ => Enumerable.Range(0, Length).Select(_ => random.Next(-4000, 4000) * 0.25f).ToArray());

        await Parallel.ForEachAsync(inputs, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (input, cancellationToken) =>
        {
            var data = string.Join(',', input.Value.Select(v => v.ToString(CultureInfo.InvariantCulture)));
            var json = $$"""
                {"id":"{{input.Key}}","inputs":[
                  {"name":"fp32","shape":[{{Length}}],"datatype":"FP32","data":[{{data}}]},
                  {"name":"fp64","shape":[1],"datatype":"FP64","data":[1]},
                  {"name":"int32","shape":[1],"datatype":"INT32","data":[1]},
                  {"name":"int64","shape":[1],"datatype":"INT64","data":[1]},
                  {"name":"bool","shape":[1],"datatype":"BOOL","data":[true]},
                  {"name":"text","shape":[1],"datatype":"BYTES","data":["a"]}]}
                """;
            var content = new StringContent(json, Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
            await HttpAssert.OkJsonAsync(await fixture.Http.PostAsync(new Uri($"/v2/models/{Model}/infer", UriKind.Relative), content, cancellationToken));
        });

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

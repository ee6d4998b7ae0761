using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using InferenceHost.Inference.Catalog;
using InferenceHost.ModelBuilder;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace InferenceHost.Silo.Tests.Batching;

/// <summary>Dynamic batching on the running host (issue 5): concurrent clients share runs, and each gets exactly its own answer.</summary>
public sealed class DynamicBatchingTests(BatchingHostFixture host) : IClassFixture<BatchingHostFixture>
{
    private const int Clients = 32;

    [Fact]
    public async Task Infer_ConcurrentClients_ShareRunsAndEachGetsItsOwnRows()
    {
        var batcher = host.Services.GetRequiredService<ModelCatalog>().Snapshot.TryGet(IrisMlpReference.ModelName, "1", out var entry)
            ? entry.Loaded!.Batcher!
            : throw new InvalidOperationException("iris-mlp version 1 is not in the catalog");
        var (batchesBefore, requestsBefore) = (batcher.BatchesRun, batcher.RequestsRun);
        var flowers = Enumerable.Range(0, Clients).Select(static i => new[] { 4.5f + (i * 0.1f), 3.0f, 1.0f + (i * 0.18f), 0.1f + (i * 0.07f) }).ToArray();

        var answers = await Task.WhenAll(flowers.Select(InferAsync));

        for (var i = 0; i < Clients; i++)
        {
            var expected = IrisMlpReference.Predict(1, flowers[i]);
            Assert.Equal(expected.Probabilities.Length, answers[i].Length);
            for (var c = 0; c < answers[i].Length; c++)
            {
                Assert.Equal(expected.Probabilities[c], answers[i][c], 1e-5);
            }
        }

        var (batches, requests) = (batcher.BatchesRun - batchesBefore, batcher.RequestsRun - requestsBefore);
        Assert.Equal(Clients, requests);
        Assert.True(batches < requests, $"{requests} requests ran in {batches} batches: none was shared");
    }

    private async Task<float[]> InferAsync(float[] flower)
    {
        var body = string.Create(
            CultureInfo.InvariantCulture,
            $$"""{"inputs":[{"name":"input","shape":[1,4],"datatype":"FP32","data":[{{string.Join(",", flower.Select(static f => f.ToString("R", CultureInfo.InvariantCulture)))}}]}],"outputs":[{"name":"probabilities"}]}""");
        using var response = await host.Http.PostAsync(
            new Uri($"/v2/models/{IrisMlpReference.ModelName}/versions/1/infer", UriKind.Relative),
            new StringContent(body, Encoding.UTF8, "application/json"));
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.IsSuccessStatusCode, json.ToString());
        return [.. json.GetProperty("outputs")[0].GetProperty("data").EnumerateArray().Select(static v => v.GetSingle())];
    }
}

using System.Runtime.InteropServices;
using InferenceHost.Abstractions.Inference;
using InferenceHost.Abstractions.Models;
using InferenceHost.ModelBuilder;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace InferenceHost.Grains.Tests;

public sealed class ModelReplicaGrainTests(TwoSiloClusterFixture fixture) : IClassFixture<TwoSiloClusterFixture>
{
    private static readonly float[] Flowers = [5.1f, 3.5f, 1.4f, 0.2f, 7.0f, 3.2f, 4.7f, 1.4f, 6.3f, 3.3f, 6.0f, 2.5f];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task Infer_OnEverySilo_ServesTheVersionFromThatSilosSession(int version)
    {
        var expected = IrisMlpReference.PredictBatch(version, Flowers);
        foreach (var silo in fixture.Silos)
        {
            var grains = silo.GetRequiredService<IGrainFactory>();
            var replica = grains.GetGrain<IModelReplicaGrain>(ModelReplicaKey.Of("iris-mlp", $"{version}"));

            var response = await replica.Infer(IrisRequest("r1"));

            Assert.Equal(("iris-mlp", $"{version}", "r1"), (response.ModelName, response.ModelVersion, response.Id));
            var probabilities = MemoryMarshal.Cast<byte, float>(response.Outputs[0].Data.Span);
            var labels = MemoryMarshal.Cast<byte, long>(response.Outputs[1].Data.Span);
            for (var i = 0; i < expected.Length; i++)
            {
                Assert.Equal(expected[i].Label, labels[i]);
                for (var c = 0; c < 3; c++)
                {
                    Assert.Equal(expected[i].Probabilities[c], probabilities[(i * 3) + c], 1e-5f);
                }
            }
        }
    }

    [Fact]
    public async Task Infer_FromExternalClientWithWrongDatatype_ThrowsInvalidInputWithTheMessage()
    {
        var replica = fixture.Cluster.Client.GetGrain<IModelReplicaGrain>(ModelReplicaKey.Of("iris-mlp", "1"));
        var request = new InferenceRequest("bad", [new InferenceTensor("input", "FP64", [1, 4], new byte[32])], []);

        var error = await Assert.ThrowsAsync<InferenceException>(async () => await replica.Infer(request));

        Assert.Equal(InferenceErrorKind.InvalidInput, error.Kind);
        Assert.Equal("input 'input' has datatype FP64, but the model expects FP32", error.Message);
        var good = await replica.Infer(IrisRequest("after"));
        Assert.Equal("after", good.Id);
    }

    [Fact]
    public async Task Infer_UnknownVersion_ThrowsNotFound()
    {
        var replica = fixture.Cluster.Client.GetGrain<IModelReplicaGrain>(ModelReplicaKey.Of("iris-mlp", "9"));

        var error = await Assert.ThrowsAsync<InferenceException>(async () => await replica.Infer(IrisRequest("x")));

        Assert.Equal(InferenceErrorKind.NotFound, error.Kind);
        Assert.Equal("model 'iris-mlp' has no version '9'", error.Message);
    }

    [Fact]
    public void Directory_OnEverySilo_ListsTheSameReadyVersions()
    {
        foreach (var silo in fixture.Silos)
        {
            var directory = silo.GetRequiredService<IModelDirectory>();
            Assert.Equal(["1", "2", "3"], directory.ReadyVersions("iris-mlp"));
            Assert.Equal("3", directory.Resolve("iris-mlp", null).Version);
        }
    }

    private static InferenceRequest IrisRequest(string id) =>
        new(id, [new InferenceTensor("input", "FP32", [Flowers.Length / 4, 4], MemoryMarshal.AsBytes(Flowers.AsSpan()).ToArray())], []);
}

using System.Runtime.InteropServices;
using InferenceHost.Abstractions.Inference;
using InferenceHost.Abstractions.Models;
using InferenceHost.Abstractions.Repository;
using InferenceHost.Abstractions.Routing;
using InferenceHost.Inference.Catalog;
using InferenceHost.ModelBuilder;
using InferenceHost.Tests.Common;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace InferenceHost.Grains.Tests.Repository;

/// <summary>
/// A version may take traffic once it is ready on some active silo and settled on the others: a silo that does not
/// hold it forwards its requests to one that does, and a version ready nowhere is refused naming every silo.
/// </summary>
public sealed class DeploymentReadinessTests(SplitRepositoryClusterFixture fixture) : IClassFixture<SplitRepositoryClusterFixture>
{
    private const string Model = RepositoryClusterFixture.Model;

    private static readonly TimeSpan FollowDeadline = TimeSpan.FromSeconds(15);

    private static readonly float[] Flowers = [5.1f, 3.5f, 1.4f, 0.2f, 6.3f, 3.3f, 6.0f, 2.5f];

    [Fact]
    public async Task Deploy_VersionReadyOnOneSiloOnly_IsAcceptedAndTheOtherSiloForwardsToIt()
    {
        var router = fixture.Cluster.Client.GetGrain<IModelRouterGrain>(Model);
        var repository = fixture.Cluster.Client.GetGrain<IModelRepositoryGrain>(IModelRepositoryGrain.DefaultKey);
        var first = fixture.Silos[0].GetRequiredService<ILocalSiloDetails>().SiloAddress;
        fixture.CopyVersion(0, 2, "8");
        await Eventually.TrueAsync(async () => (await repository.GetVersions(Model, ["8"]))[0].IsServable, FollowDeadline, "version 8 ready on the first silo");
        var secondDirectory = fixture.Silos[1].GetRequiredService<IModelDirectory>();
        await Eventually.TrueAsync(() => Task.FromResult(secondDirectory.IsReady(Model, "8")), FollowDeadline, "the second silo to learn where version 8 is");

        var deployed = await router.Deploy(Deployment.Single("8"), null, "tester");

        Assert.Equal(Deployment.Single("8"), deployed.Deployment);
        Assert.False(fixture.Silos[1].GetRequiredService<ModelCatalog>().Snapshot.TryGet(Model, "8", out _));
        var target = secondDirectory.Resolve(Model, "8");
        Assert.Equal(first, target.ServedBy);
        Assert.Equal(DeviceNames.Cpu, target.Device);
        var forwarded = fixture.Silos[1].GetRequiredService<IGrainFactory>()
            .GetGrain<IForwardedReplicaGrain>(ForwardedReplicaKey.Of(first, Model, "8"));
        var response = await forwarded.Infer(new InferenceRequest("f1", [new InferenceTensor("input", "FP32", [2, 4], MemoryMarshal.AsBytes(Flowers.AsSpan()).ToArray())], []));
        Assert.Equal(("8", "f1"), (response.ModelVersion, response.Id));
        var expected = IrisMlpReference.PredictBatch(2, Flowers);
        Assert.Equal(expected.Select(static p => p.Label), MemoryMarshal.Cast<byte, long>(response.Outputs[1].Data.Span).ToArray());
        await router.Deploy(Deployment.Single("1"), null, "tester");
    }

    [Fact]
    public async Task Deploy_VersionUnavailableOnEverySilo_IsRefusedNamingEverySilo()
    {
        var router = fixture.Cluster.Client.GetGrain<IModelRouterGrain>(Model);
        var repository = fixture.Cluster.Client.GetGrain<IModelRepositoryGrain>(IModelRepositoryGrain.DefaultKey);
        foreach (var silo in new[] { 0, 1 })
        {
            var folder = Directory.CreateDirectory(Path.Combine(fixture.RepositoryOf(silo), Model, "12")).FullName;
            await File.WriteAllTextAsync(Path.Combine(folder, "model.onnx"), "not an onnx model");
        }

        await Eventually.TrueAsync(
            async () => (await repository.GetVersions(Model, ["12"]))[0].Silos.All(static s => s.State == ModelVersionState.Unavailable),
            FollowDeadline,
            "version 12 unavailable on both silos");
        var before = await router.GetRouteTable();

        var error = await Assert.ThrowsAsync<DeploymentException>(() => router.Deploy(Deployment.Single("12"), null, "tester"));

        Assert.Equal(DeploymentErrorKind.Invalid, error.Kind);
        Assert.StartsWith("invalid deployment: blue version '12' of model 'iris-mlp' is not loaded and ready on any silo: ", error.Message, StringComparison.Ordinal);
        foreach (var silo in fixture.Silos)
        {
            Assert.Contains($"{silo.GetRequiredService<ILocalSiloDetails>().SiloAddress.ToParsableString()} (Unavailable: ", error.Message, StringComparison.Ordinal);
        }

        Assert.Equal(before, await router.GetRouteTable());
    }

    [Fact]
    public async Task GetInventory_EverySilo_ReportsItsAcceleratorAndWhereEachVersionRuns()
    {
        var repository = fixture.Cluster.Client.GetGrain<IModelRepositoryGrain>(IModelRepositoryGrain.DefaultKey);
        var addresses = fixture.Silos.Select(static s => s.GetRequiredService<ILocalSiloDetails>().SiloAddress.ToParsableString()).Order(StringComparer.Ordinal).ToList();

        await Eventually.TrueAsync(async () => (await repository.GetInventory()).All(static s => s.ReportedAt is not null), FollowDeadline, "both silos to report");
        var inventory = await repository.GetInventory();

        Assert.Equal(addresses, inventory.Select(static s => s.Silo));
        Assert.All(inventory, silo =>
        {
            // A silo without usable CUDA says why, and runs 'auto' models on the CPU; one with it names the device and runs them there.
            var accelerator = silo.Accelerator!;
            Assert.StartsWith(accelerator.CudaUsable ? "CUDA device " : "CUDA is not usable (", accelerator.Detail, StringComparison.Ordinal);
            var one = Assert.Single(silo.Versions, static v => v.Model == Model && v.Version == "1");
            Assert.Equal((ModelVersionState.Ready, accelerator.CudaUsable ? DeviceNames.Gpu : DeviceNames.Cpu), (one.State, one.Device));
        });
    }
}

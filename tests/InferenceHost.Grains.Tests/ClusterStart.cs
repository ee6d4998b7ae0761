using InferenceHost.Inference.Catalog;
using InferenceHost.Tests.Common;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace InferenceHost.Grains.Tests;

/// <summary>Deploys a test cluster and waits until every silo has loaded its model repository.</summary>
internal static class ClusterStart
{
    public static async Task<(TestCluster Cluster, IReadOnlyList<IServiceProvider> Silos)> DeployAsync(TestClusterBuilder builder)
    {
        var cluster = builder.Build();
        await cluster.DeployAsync();
        IReadOnlyList<IServiceProvider> silos = [.. cluster.Silos.Select(s => ((InProcessSiloHandle)s).SiloHost.Services)];
        foreach (var silo in silos)
        {
            var catalog = silo.GetRequiredService<ModelCatalog>();
            await Eventually.TrueAsync(() => Task.FromResult(catalog.IsSettled), TimeSpan.FromSeconds(90), "a silo to load its models");
        }

        return (cluster, silos);
    }
}

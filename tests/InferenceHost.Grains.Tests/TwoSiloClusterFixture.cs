using InferenceHost.Inference;
using InferenceHost.Tests.Common;
using Microsoft.Extensions.Configuration;
using Orleans.TestingHost;
using Xunit;

namespace InferenceHost.Grains.Tests;

/// <summary>A real two-silo cluster; every silo loads the repository's models on its own.</summary>
public sealed class TwoSiloClusterFixture : IAsyncLifetime
{
    public TestCluster Cluster { get; private set; } = null!;

    /// <summary>The service provider of each silo, in silo order.</summary>
    public IReadOnlyList<IServiceProvider> Silos { get; private set; } = [];

    public async Task InitializeAsync()
    {
        var builder = new TestClusterBuilder(2);
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        (Cluster, Silos) = await ClusterStart.DeployAsync(builder);
    }

    public async Task DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
    }

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            var configuration = new ConfigurationBuilder()
                .AddInMemoryCollection([new($"{InferenceOptions.SectionName}:RepositoryPath", RepositoryPaths.Models)])
                .Build();
            siloBuilder.Services.AddOnnxInference(configuration).AddModelServing();
            siloBuilder.AddMemoryGrainStorage(GrainStorage.Name).UseInMemoryReminderService();
        }
    }
}

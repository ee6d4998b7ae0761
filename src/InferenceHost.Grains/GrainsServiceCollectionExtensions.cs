using InferenceHost.Abstractions.Inference;
using InferenceHost.Abstractions.Models;
using InferenceHost.Abstractions.Repository;
using InferenceHost.Abstractions.Routing;
using InferenceHost.Grains.Placement;
using InferenceHost.Grains.Repository;
using InferenceHost.Grains.Rollouts;
using InferenceHost.Grains.Routing;
using InferenceHost.Grains.Serving;
using InferenceHost.Grains.Telemetry;
using InferenceHost.Inference.Catalog;
using InferenceHost.Telemetry.Publishing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace InferenceHost.Grains;

/// <summary>Registers what the grains of this assembly need from the silo's container.</summary>
public static class GrainsServiceCollectionExtensions
{
    /// <summary>
    /// The silo-local model directory that endpoints resolve versions with, the clock routers stamp changes with,
    /// the route table cache, and this silo's part in the cluster's model repository (reports, announced changes, uploads).
    /// </summary>
    public static IServiceCollection AddModelServing(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<SiloModelDirectory>();
        services.AddSingleton<IModelDirectory>(static sp => sp.GetRequiredService<SiloModelDirectory>());
        services.AddSingleton<ILocalReplicas, SiloReplicas>();

        // Versions this silo cannot serve are forwarded to a silo where they are ready (GPU-only models on CPU nodes).
        services.AddSingleton<ClusterPlacementView>();
        services.AddPlacementDirector<KeyedSiloPlacement, KeyedSiloPlacementDirector>();

        // The silo's route table cache (InferenceHost:Routing): pushed by routers, polled to heal missed pushes.
        services.AddOptions<SiloRouteTablesOptions>().BindConfiguration(SiloRouteTablesOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SiloRouteTablesOptions>, SiloRouteTablesOptionsValidator>());
        services.AddSingleton<SiloRouteTables>();
        services.AddSingleton<IRouteTableSource>(static sp => sp.GetRequiredService<SiloRouteTables>());
        services.AddHostedService<ClusterSubscriptionPoller>();

        // The cluster's repository: this silo reports its versions (before it calls itself ready), applies announced
        // uploads and deletions, and runs the ones it receives.
        services.AddSingleton<SiloRepositoryAgent>();
        services.AddSingleton<ICatalogReadinessGate>(static sp => sp.GetRequiredService<SiloRepositoryAgent>());
        services.AddSingleton<RepositoryVersionChanges>();
        services.AddSingleton<IVersionUploadStaging>(static sp => sp.GetRequiredService<RepositoryVersionChanges>());

        // Telemetry windows (InferenceHost:Telemetry) and the rollouts that read them; every start wakes the running rollouts.
        services.AddOptions<TelemetryRetentionOptions>().BindConfiguration(TelemetryRetentionOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<RolloutBoard>();
        services.AddHostedService<RolloutResumer>();
        return services;
    }
}

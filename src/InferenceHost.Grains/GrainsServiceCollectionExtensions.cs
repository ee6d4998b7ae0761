using InferenceHost.Abstractions.Models;
using InferenceHost.Abstractions.Routing;
using InferenceHost.Grains.Routing;
using InferenceHost.Grains.Serving;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace InferenceHost.Grains;

/// <summary>Registers what the grains of this assembly need from the silo's container.</summary>
public static class GrainsServiceCollectionExtensions
{
    /// <summary>The silo-local model directory that endpoints resolve versions with, and the clock routers stamp changes with.</summary>
    public static IServiceCollection AddModelServing(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IModelDirectory, SiloModelDirectory>();

        // The silo's route table cache (InferenceHost:Routing): pushed by routers, polled to heal missed pushes.
        services.AddOptions<SiloRouteTablesOptions>().BindConfiguration(SiloRouteTablesOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SiloRouteTablesOptions>, SiloRouteTablesOptionsValidator>());
        services.AddSingleton<SiloRouteTables>();
        services.AddSingleton<IRouteTableSource>(static sp => sp.GetRequiredService<SiloRouteTables>());
        services.AddHostedService<SiloRouteTablesPoller>();
        return services;
    }
}

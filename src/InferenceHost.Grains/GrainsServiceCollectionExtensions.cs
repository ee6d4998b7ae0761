using InferenceHost.Abstractions.Models;
using InferenceHost.Grains.Serving;
using Microsoft.Extensions.DependencyInjection;

namespace InferenceHost.Grains;

/// <summary>Registers what the grains of this assembly need from the silo's container.</summary>
public static class GrainsServiceCollectionExtensions
{
    /// <summary>The silo-local model directory that endpoints resolve versions with.</summary>
    public static IServiceCollection AddModelServing(this IServiceCollection services) =>
        services.AddSingleton<IModelDirectory, SiloModelDirectory>();
}

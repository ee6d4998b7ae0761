using InferenceHost.Inference.Catalog;
using InferenceHost.Inference.Execution;
using Microsoft.Extensions.Configuration;
using InferenceHost.Inference.Repository;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace InferenceHost.Inference;

/// <summary>Registers ONNX inference: options, the session factory, the catalog, the repository's synchronizer and staging area, and the repository loader.</summary>
public static class InferenceServiceCollectionExtensions
{
    public static IServiceCollection AddOnnxInference(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<InferenceOptions>()
            .Bind(configuration.GetSection(InferenceOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<InferenceOptions>, RepositoryPathValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<SessionFactory>();
        services.AddSingleton<AcceleratorProbe>();
        services.AddSingleton<ModelLoader>();
        services.AddSingleton<ModelCatalog>();
        services.AddSingleton<StagingArea>();
        services.AddSingleton<RepositorySynchronizer>();
        services.AddHostedService<ModelRepositoryLoader>();
        return services;
    }
}

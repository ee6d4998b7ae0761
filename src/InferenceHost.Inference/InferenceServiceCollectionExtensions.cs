using InferenceHost.Inference.Catalog;
using InferenceHost.Inference.Execution;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace InferenceHost.Inference;

/// <summary>Registers ONNX inference: options, the session factory, the catalog and the repository loader.</summary>
public static class InferenceServiceCollectionExtensions
{
    public static IServiceCollection AddOnnxInference(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<InferenceOptions>()
            .Bind(configuration.GetSection(InferenceOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<InferenceOptions>, RepositoryPathValidator>();
        services.AddSingleton<SessionFactory>();
        services.AddSingleton<ModelLoader>();
        services.AddSingleton<ModelCatalog>();
        services.AddHostedService<ModelRepositoryLoader>();
        return services;
    }
}

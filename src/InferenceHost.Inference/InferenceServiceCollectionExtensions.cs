using InferenceHost.Inference.Catalog;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using InferenceHost.Inference.Execution;

namespace InferenceHost.Inference;

/// <summary>Registers ONNX inference: options, the session factory, the catalog and the repository loader.</summary>
public static class InferenceServiceCollectionExtensions
{
    public static IServiceCollection AddOnnxInference(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<InferenceOptions>()
            .Bind(configuration.GetSection(InferenceOptions.SectionName))
            .ValidateDataAnnotations()
            .Validate(o => Directory.Exists(o.RepositoryPath), "InferenceHost:Inference:RepositoryPath must name an existing folder")
            .ValidateOnStart();
        services.AddSingleton<SessionFactory>();
        services.AddSingleton<ModelLoader>();
        services.AddSingleton<ModelCatalog>();
        services.AddHostedService<ModelRepositoryLoader>();
        return services;
    }
}

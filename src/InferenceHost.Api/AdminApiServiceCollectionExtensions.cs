using InferenceHost.Api.Admin;
using InferenceHost.Api.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace InferenceHost.Api;

/// <summary>Registers the management REST API's services.</summary>
public static class AdminApiServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="AdminOptions"/> (section <c>InferenceHost:Admin</c>, validated at start), the
    /// bearer-token check and the <c>/admin/v1</c> handlers. The silo registers <c>IGrainFactory</c>,
    /// through which they reach the management grain.
    /// </summary>
    public static IServiceCollection AddAdminApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AdminOptions>()
            .Bind(configuration.GetSection(AdminOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AdminOptions>, AdminOptionsValidator>());

        services.TryAddSingleton<AdminTokenProvider>();
        services.TryAddSingleton<AdminAuthenticator>();
        services.TryAddSingleton<AdminHandlers>();
        services.TryAddSingleton<AdminGuard>();
        services.TryAddSingleton<HttpErrorResponder>();
        return services;
    }
}

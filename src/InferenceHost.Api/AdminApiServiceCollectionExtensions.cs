using Grpc.AspNetCore.Server.Model;
using InferenceHost.Api.Admin;
using InferenceHost.Api.Grpc;
using InferenceHost.Api.Http;
using InferenceHost.Api.Management;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace InferenceHost.Api;

/// <summary>Registers the management API's services, REST and gRPC.</summary>
public static class AdminApiServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="AdminOptions"/> (section <c>InferenceHost:Admin</c>, validated at start), the
    /// bearer-token check, the <c>/admin/v1</c> handlers and the gRPC <c>ModelManagement</c> service.
    /// The silo registers <c>IGrainFactory</c>, through which they reach the management grain, and the
    /// <c>IVersionUploadStaging</c> that uploads stream into.
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

        services.TryAddSingleton<ManagementGuard>();
        services.TryAddSingleton<GrpcErrorInterceptor>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IServiceMethodProvider<ModelManagementService>, ModelManagementServiceMethods>());
        services.AddGrpc().AddServiceOptions<ModelManagementService>(grpc =>
        {
            // Outermost first: the guard turns refusals into statuses, the error interceptor the rest.
            grpc.Interceptors.Add<GrpcErrorInterceptor>();
            grpc.Interceptors.Add<ManagementGuard>();
        });
        return services;
    }
}

using InferenceHost.Api.Admin;
using InferenceHost.Api.Management;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace InferenceHost.Api;

/// <summary>Maps the management API, REST and gRPC.</summary>
public static class AdminApiEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps <c>/admin/v1</c> (its OpenAPI document at <c>/admin/v1/openapi.json</c>) and the gRPC
    /// <c>inferencehost.management.v1.ModelManagement</c> service, every endpoint and RPC behind the
    /// admin bearer token. Needs <see cref="AdminApiServiceCollectionExtensions.AddAdminApi"/>.
    /// </summary>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">The admin settings are invalid.</exception>
    /// <exception cref="IOException">The token file cannot be read or written.</exception>
    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder endpoints)
    {
        // Settle the token now rather than at the first request: a generated one is on disk, and its
        // path in the log, by the time the host starts, where the operator and the CLI look for it.
        endpoints.ServiceProvider.GetRequiredService<AdminAuthenticator>();
        AdminRoutes.Map(endpoints);
        endpoints.MapGrpcService<ModelManagementService>();
        return endpoints;
    }
}

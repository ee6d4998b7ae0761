using InferenceHost.Api.Grpc;
using InferenceHost.Api.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace InferenceHost.Api;

/// <summary>Maps the v2 (Open Inference Protocol) endpoints.</summary>
public static class InferenceApiEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps the v2 REST endpoints under <c>/v2</c> and Triton's <c>inference.GRPCInferenceService</c>.
    /// Needs <see cref="InferenceApiServiceCollectionExtensions.AddInferenceApi"/>.
    /// </summary>
    public static IEndpointRouteBuilder MapInferenceApi(this IEndpointRouteBuilder endpoints)
    {
        V2Routes.Map(endpoints);
        endpoints.MapGrpcService<GrpcInferenceService>();
        return endpoints;
    }
}

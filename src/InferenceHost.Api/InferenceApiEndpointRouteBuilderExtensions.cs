using InferenceHost.Api.Grpc;
using InferenceHost.Api.Http;
using InferenceHost.Telemetry.Publishing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace InferenceHost.Api;

/// <summary>Maps the v2 (Open Inference Protocol) endpoints.</summary>
public static class InferenceApiEndpointRouteBuilderExtensions
{
    /// <summary>Where Prometheus scrapes this silo's metrics.</summary>
    public const string MetricsPath = "/metrics";

    /// <summary>
    /// Maps the v2 REST endpoints under <c>/v2</c>, Triton's <c>inference.GRPCInferenceService</c> and the
    /// Prometheus scrape endpoint <c>/metrics</c> (meter <see cref="MetricNames.MeterName"/>). Needs <see cref="InferenceApiServiceCollectionExtensions.AddInferenceApi"/>.
    /// </summary>
    public static IEndpointRouteBuilder MapInferenceApi(this IEndpointRouteBuilder endpoints)
    {
        V2Routes.Map(endpoints);
        endpoints.MapGrpcService<GrpcInferenceService>();

        // The meter's instruments exist once TelemetryMetrics does: make it now, so a scrape before the
        // first request already shows the route and rollout gauges.
        endpoints.ServiceProvider.GetRequiredService<TelemetryMetrics>();
        endpoints.MapPrometheusScrapingEndpoint(MetricsPath);
        return endpoints;
    }
}

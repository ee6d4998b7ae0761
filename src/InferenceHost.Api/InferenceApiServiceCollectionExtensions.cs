using Grpc.AspNetCore.Server;
using Grpc.AspNetCore.Server.Model;
using InferenceHost.Api.Grpc;
using InferenceHost.Api.Http;
using InferenceHost.Api.Routing;
using InferenceHost.Api.Telemetry;
using InferenceHost.Telemetry.Publishing;
using InferenceHost.Telemetry.Recording;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace InferenceHost.Api;

/// <summary>Registers the v2 (Open Inference Protocol) HTTP and gRPC endpoints' services.</summary>
public static class InferenceApiServiceCollectionExtensions
{
    /// <summary>The <c>service_name</c> of the exported metrics' <c>target_info</c>.</summary>
    public const string MetricsServiceName = "inferencehost";

    /// <summary>
    /// Adds <see cref="InferenceApiOptions"/> (section <c>InferenceHost:Api</c>, validated at start),
    /// <see cref="RoutingOptions"/> (section <c>InferenceHost:Routing</c>), <see cref="InferenceDispatcher"/>,
    /// shadow traffic (<see cref="ShadowMirror"/>, <see cref="ShadowPairLog"/>), gRPC, and telemetry:
    /// <see cref="TelemetryOptions"/> (section <c>InferenceHost:Telemetry</c>, validated at start), this silo's
    /// <see cref="TelemetryRecorder"/>, <see cref="TelemetryFlusher"/> (a hosted service), <see cref="RolloutBoard"/>
    /// and the <see cref="MetricNames.MeterName"/> meter with the .NET runtime's (GC, allocations, thread pool) exported for Prometheus. The silo registers
    /// <c>IModelDirectory</c>, <c>IRouteTableSource</c> and <c>IGrainFactory</c>, which these services use.
    /// </summary>
    public static IServiceCollection AddInferenceApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<InferenceApiOptions>()
            .Bind(configuration.GetSection(InferenceApiOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<InferenceApiOptions>, InferenceApiOptionsValidator>());

        services.AddOptions<RoutingOptions>()
            .Bind(configuration.GetSection(RoutingOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RoutingOptions>, RoutingOptionsValidator>());
        services.TryAddSingleton<IRandomSource, SharedRandomSource>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ShadowPairLog>();
        services.TryAddSingleton<ReplicaClient>();
        services.TryAddSingleton<ShadowMirror>();

        services.AddInferenceTelemetry(configuration);
        services.TryAddSingleton<InferenceDispatcher>();
        services.TryAddSingleton<ServerInfo>();
        services.TryAddSingleton<ServerHttpHandlers>();
        services.TryAddSingleton<ModelHttpHandlers>();
        services.TryAddSingleton<InferHttpHandler>();
        services.TryAddSingleton<HttpErrorResponder>();
        services.TryAddSingleton<GrpcErrorInterceptor>();

        // Registered, so gRPC resolves the one instance instead of constructing the stateless service per call.
        services.TryAddSingleton<GrpcInferenceService>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IServiceMethodProvider<GrpcInferenceService>, GrpcInferenceServiceMethods>());

        // Per-service options, so the limit applies to inference and not to other gRPC services the host maps.
        // No catch-all route for unknown services: ASP.NET Core's matcher would capture its two route values on every
        // call (about 200 bytes). A call to an unknown service is answered 404, which gRPC clients read as UNIMPLEMENTED.
        // Failures are mapped by the bound methods themselves (GrpcInferenceServiceMethods), not an interceptor.
        services.AddGrpc(grpc => grpc.IgnoreUnknownServices = true);
        services.AddOptions<GrpcServiceOptions<GrpcInferenceService>>()
            .Configure<IOptions<InferenceApiOptions>>((grpc, api) =>
                grpc.MaxReceiveMessageSize = (int)Math.Min(api.Value.MaxRequestBodyBytes, int.MaxValue));
        return services;
    }

    private static void AddInferenceTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TelemetryOptions>()
            .Bind(configuration.GetSection(TelemetryOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TelemetryOptions>, TelemetryOptionsValidator>());
        services.TryAddSingleton(static provider => new TelemetryRecorder(
            provider.GetRequiredService<TimeProvider>(), provider.GetRequiredService<IOptions<TelemetryOptions>>().Value.ServedCapacity));
        services.TryAddSingleton<RolloutBoard>();
        services.TryAddSingleton<TelemetryMetrics>();
        services.TryAddSingleton<RequestTelemetry>();
        services.TryAddSingleton<TelemetryFlusher>();
        services.AddHostedService(static provider => provider.GetRequiredService<TelemetryFlusher>());
        services.AddOpenTelemetry()
            .ConfigureResource(static resource => resource.AddService(MetricsServiceName))
            .WithMetrics(static metrics => metrics.AddMeter(MetricNames.MeterName).AddRuntimeInstrumentation().AddPrometheusExporter());
    }
}

using Grpc.AspNetCore.Server.Model;
using InferenceHost.Api.Feedback;
using InferenceHost.Api.Grpc;
using InferenceHost.Api.Http;
using InferenceHost.Api.Telemetry;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace InferenceHost.Api;

/// <summary>Registers ground-truth feedback's services, REST and gRPC.</summary>
public static class FeedbackApiServiceCollectionExtensions
{
    /// <summary>
    /// Adds the <c>POST /v2/models/{m}/feedback</c> handler and the gRPC <c>inferencehost.feedback.v1.Feedback</c> service,
    /// beside <see cref="InferenceApiServiceCollectionExtensions.AddInferenceApi"/> (whose options, body limit and
    /// error mapping they share). The silo registers <c>IModelDirectory</c> and <c>IGrainFactory</c>.
    /// </summary>
    public static IServiceCollection AddFeedbackApi(this IServiceCollection services)
    {
        services.TryAddSingleton<FeedbackIntake>();
        services.TryAddSingleton<FeedbackHttpHandler>();
        services.TryAddSingleton<HttpErrorResponder>();
        services.TryAddSingleton<GrpcErrorInterceptor>();

        // The inference API registers the flusher with its recorder; this keeps feedback whole where it does not.
        services.TryAddSingleton<TelemetryFlusher>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IServiceMethodProvider<FeedbackService>, FeedbackServiceMethods>());
        services.AddGrpc().AddServiceOptions<FeedbackService>(grpc => grpc.Interceptors.Add<GrpcErrorInterceptor>());
        return services;
    }
}

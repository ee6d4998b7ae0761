using InferenceHost.Api.Feedback;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace InferenceHost.Api;

/// <summary>Maps ground-truth feedback's gRPC service; its REST route is among the v2 routes.</summary>
public static class FeedbackApiEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps <c>inferencehost.feedback.v1.Feedback</c>. <c>POST /v2/models/{m}/feedback</c> is mapped by
    /// <see cref="InferenceApiEndpointRouteBuilderExtensions.MapInferenceApi"/>; both need
    /// <see cref="FeedbackApiServiceCollectionExtensions.AddFeedbackApi"/>.
    /// </summary>
    public static IEndpointRouteBuilder MapFeedbackApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGrpcService<FeedbackService>();
        return endpoints;
    }
}

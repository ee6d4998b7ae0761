using Grpc.Core;
using InferenceHost.Api.Feedback.Protocol;

namespace InferenceHost.Api.Feedback;

/// <summary>
/// <c>inferencehost.feedback.v1.Feedback</c> on the inference gRPC port (bound by <see cref="FeedbackServiceMethods"/>):
/// as <see cref="FeedbackHttpHandler"/>. Failures become status codes in <see cref="Grpc.GrpcErrorInterceptor"/>.
/// </summary>
internal sealed class FeedbackService(FeedbackIntake intake)
{
    public async Task<PostFeedbackResponse> PostFeedback(PostFeedbackRequest request, ServerCallContext context)
    {
        intake.RequireKnown(request.ModelName);
        var receipt = await intake.AddAsync(request.ModelName, request.Id, [.. request.Labels], context.CancellationToken);
        return new PostFeedbackResponse
        {
            Id = receipt.Id,
            ModelName = request.ModelName,
            ModelVersion = receipt.Version,
            Slot = receipt.Slot,
            Rows = receipt.Rows,
            Correct = receipt.Correct,
            AbsoluteError = receipt.AbsoluteError,
        };
    }
}

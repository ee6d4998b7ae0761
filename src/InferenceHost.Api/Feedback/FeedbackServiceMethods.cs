using Grpc.AspNetCore.Server.Model;
using InferenceHost.Api.Feedback.Protocol;
using InferenceHost.Api.Grpc;

namespace InferenceHost.Api.Feedback;

/// <summary>
/// Binds <see cref="FeedbackService"/> under the service name of <c>feedback.proto</c>, a malformed request
/// answering INVALID_ARGUMENT (<see cref="GrpcUnaryMethodBinder{TService}"/>).
/// </summary>
internal sealed class FeedbackServiceMethods : IServiceMethodProvider<FeedbackService>
{
    public void OnServiceMethodDiscovery(ServiceMethodProviderContext<FeedbackService> context)
    {
        var methods = new GrpcUnaryMethodBinder<FeedbackService>(context, Protocol.Feedback.Descriptor.FullName);
        methods.Add(nameof(FeedbackService.PostFeedback), PostFeedbackRequest.Parser, (s, r, c) => s.PostFeedback(r, c));
    }
}

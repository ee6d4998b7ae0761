using Grpc.Core;
using InferenceHost.Abstractions.Inference;
using Microsoft.AspNetCore.Http;

namespace InferenceHost.Api;

/// <summary>The one mapping of failure kinds to HTTP statuses and gRPC codes, so both protocols agree.</summary>
internal static class InferenceErrorCodes
{
    public static int HttpStatus(InferenceErrorKind kind) => kind switch
    {
        InferenceErrorKind.NotFound => StatusCodes.Status404NotFound,
        InferenceErrorKind.InvalidInput => StatusCodes.Status400BadRequest,
        InferenceErrorKind.Unavailable => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status500InternalServerError,
    };

    public static StatusCode GrpcStatus(InferenceErrorKind kind) => kind switch
    {
        InferenceErrorKind.NotFound => StatusCode.NotFound,
        InferenceErrorKind.InvalidInput => StatusCode.InvalidArgument,
        InferenceErrorKind.Unavailable => StatusCode.Unavailable,
        _ => StatusCode.Internal,
    };

    /// <summary>Message for a grain call that timed out: the model may be overloaded, so the client may retry.</summary>
    public const string TimeoutMessage = "the model did not answer in time";

    /// <summary>Message for a failure with no client-facing text; the details go to the log only.</summary>
    public const string InternalMessage = "internal server error";
}

using System.Globalization;
using InferenceHost.Abstractions.Inference;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace InferenceHost.Api.Http;

/// <summary>
/// Answers any failure of a v2 HTTP endpoint as <c>{"error": ...}</c> with its status:
/// client-facing messages pass through verbatim, anything unexpected becomes a logged 500.
/// </summary>
internal sealed partial class HttpErrorResponder(ILogger<HttpErrorResponder> logger)
{
    public Task WriteAsync(HttpContext context, Exception exception)
    {
        if (exception is OperationCanceledException && context.RequestAborted.IsCancellationRequested)
        {
            return Task.CompletedTask;
        }

        if (context.Response.HasStarted)
        {
            LogFailedAfterStart(logger, context.Request.Path, exception);
            context.Abort();
            return Task.CompletedTask;
        }

        var (status, message) = exception switch
        {
            InferenceException failure => (InferenceErrorCodes.HttpStatus(failure.Kind), failure.Message),
            HttpStatusException refusal => (refusal.StatusCode, refusal.Message),
            BadHttpRequestException bad => (bad.StatusCode, bad.Message),
            TimeoutException => (StatusCodes.Status503ServiceUnavailable, InferenceErrorCodes.TimeoutMessage),
            _ => (StatusCodes.Status500InternalServerError, InferenceErrorCodes.InternalMessage),
        };

        if (status >= StatusCodes.Status500InternalServerError)
        {
            LogServerError(logger, context.Request.Path, status, exception);
        }
        else
        {
            LogClientError(logger, context.Request.Path, status, message);
        }

        context.Response.Clear();
        if (exception is InferenceException { RetryAfter: { } retryAfter })
        {
            context.Response.Headers.RetryAfter = RetryAfterSeconds(retryAfter);
        }

        return JsonResponses.WriteErrorAsync(context, status, message);
    }

    /// <summary>Whole seconds, rounded up and at least 1: <c>Retry-After</c> has no finer unit, and 0 would invite a retry storm.</summary>
    internal static string RetryAfterSeconds(TimeSpan retryAfter) =>
        Math.Max(1, (long)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
}

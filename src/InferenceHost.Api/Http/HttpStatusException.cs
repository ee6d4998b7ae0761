namespace InferenceHost.Api.Http;

/// <summary>
/// A request the HTTP layer refuses before it reaches a model (too large, unsupported
/// encoding): the status and client-facing message to answer with.
/// </summary>
internal sealed class HttpStatusException(int statusCode, string message) : Exception(message)
{
    public int StatusCode { get; } = statusCode;
}

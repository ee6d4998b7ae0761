using InferenceHost.Abstractions.Inference;

namespace InferenceHost.Telemetry.Recording;

/// <summary>Reads a replica call's exception as a <see cref="RequestFailure"/>.</summary>
public static class RequestFailures
{
    /// <summary>
    /// Invalid input is the client's; timeouts and cancellations are time; everything else (a model
    /// failure, an unavailable or unknown version, a lost silo) counts against the version, because the
    /// client saw the version fail.
    /// </summary>
    public static RequestFailure Of(Exception exception) => exception switch
    {
        InferenceException { Kind: InferenceErrorKind.InvalidInput } => RequestFailure.BadInput,
        TimeoutException or OperationCanceledException => RequestFailure.Timeout,
        _ => RequestFailure.ModelFailure,
    };
}

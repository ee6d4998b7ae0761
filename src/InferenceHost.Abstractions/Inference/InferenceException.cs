namespace InferenceHost.Abstractions.Inference;

/// <summary>
/// A failure the client must see as it is: the message is written for the client
/// (it names the input and what was expected) and <see cref="Kind"/> picks the status.
/// </summary>
[GenerateSerializer, Alias("InferenceHost.InferenceException")]
public sealed class InferenceException : Exception
{
    public InferenceException(InferenceErrorKind kind, string message)
        : base(message) => Kind = kind;

    public InferenceException(InferenceErrorKind kind, string message, Exception innerException)
        : base(message, innerException) => Kind = kind;

    public InferenceException()
    {
    }

    public InferenceException(string message)
        : base(message)
    {
    }

    public InferenceException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>What kind of failure this is.</summary>
    [Id(0)]
    public InferenceErrorKind Kind { get; init; }

    /// <summary>
    /// How long the client should wait before retrying, for a passing overload (a full batching queue);
    /// HTTP sends it as <c>Retry-After</c>, gRPC as the <c>grpc-retry-pushback-ms</c> trailer. Null when unknown.
    /// </summary>
    [Id(1)]
    public TimeSpan? RetryAfter { get; init; }

    public static InferenceException NotFound(string message) => new(InferenceErrorKind.NotFound, message);

    public static InferenceException InvalidInput(string message) => new(InferenceErrorKind.InvalidInput, message);

    public static InferenceException Unavailable(string message) => new(InferenceErrorKind.Unavailable, message);

    /// <summary>Unavailable for now, worth a retry after <paramref name="retryAfter"/>.</summary>
    public static InferenceException Overloaded(string message, TimeSpan retryAfter) =>
        new(InferenceErrorKind.Unavailable, message) { RetryAfter = retryAfter };
}

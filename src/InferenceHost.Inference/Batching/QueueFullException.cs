namespace InferenceHost.Inference.Batching;

/// <summary>A version's batching queue holds <c>max_queue_size</c> requests already; the client should retry later.</summary>
public sealed class QueueFullException : Exception
{
    /// <summary>What the client is told to wait before retrying when nothing better is known.</summary>
    public static readonly TimeSpan DefaultRetryAfter = TimeSpan.FromSeconds(1);

    public QueueFullException()
        : this("the batching queue is full")
    {
    }

    public QueueFullException(string message)
        : base(message)
    {
    }

    public QueueFullException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>How long the client should wait before it retries.</summary>
    public TimeSpan RetryAfter { get; init; } = DefaultRetryAfter;
}

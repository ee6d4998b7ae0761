namespace InferenceHost.Inference.Repository;

/// <summary>
/// The <c>dynamic_batching</c> block of a <c>config.json</c> (Triton's field names): requests to one
/// loaded version are queued and run together, up to <c>max_batch_size</c> rows. Absent, every request runs alone.
/// </summary>
public sealed record DynamicBatchingConfig
{
    /// <summary>Largest <see cref="MaxQueueDelayMicroseconds"/> accepted: one second.</summary>
    public const int MaxQueueDelayLimit = 1_000_000;

    /// <summary>Queue length when the config leaves it out.</summary>
    public const int DefaultMaxQueueSize = 1024;

    /// <summary>
    /// How long the oldest queued request may wait for others to join its batch, 0 to 1,000,000 µs;
    /// 0 (the default) runs whatever is queued as soon as the model is free.
    /// </summary>
    public int MaxQueueDelayMicroseconds { get; init; }

    /// <summary>Batch sizes (in rows, ascending, 1 to <c>max_batch_size</c>) that run at once, without waiting out the delay.</summary>
    public IReadOnlyList<int>? PreferredBatchSize { get; init; }

    /// <summary>Requests that may wait at most (1 or more); more are refused as unavailable until the queue drains.</summary>
    public int MaxQueueSize { get; init; } = DefaultMaxQueueSize;
}

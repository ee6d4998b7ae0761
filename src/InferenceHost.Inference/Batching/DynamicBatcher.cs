using System.Threading.Channels;
using InferenceHost.Inference.Execution;
using InferenceHost.Inference.Repository;
using InferenceHost.Inference.Tensors;

namespace InferenceHost.Inference.Batching;

/// <summary>
/// Dynamic batching for one loaded version: requests are validated alone, queued, and run together by
/// one worker task, up to <c>max_batch_size</c> rows; each gets its own rows of the outputs back.
/// </summary>
/// <remarks>
/// A batch runs when its rows reach a preferred size or <c>max_batch_size</c>, when the next request
/// cannot join it (other outputs, other non-batch dimensions, or too many rows), or when its oldest
/// request has waited <c>max_queue_delay_microseconds</c>. At most <c>max_queue_size</c> requests wait;
/// more are refused with <see cref="QueueFullException"/> rather than queued, so the queue never grows unbounded.
/// </remarks>
public sealed partial class DynamicBatcher : IDisposable
{
    private readonly LoadedModel _model;
    private readonly TimeProvider _time;
    private readonly TimeSpan _maxQueueDelay;

    // _preferred[rows]: whether a batch of that many rows is a preferred size; a lookup, since the worker asks for every request it adds.
    private readonly bool[] _preferred;
    private readonly Channel<BatchRequest> _queue =
        Channel.CreateUnbounded<BatchRequest>(new UnboundedChannelOptions { SingleReader = true });

    // Requests queued and not yet running, including those the worker holds while it assembles a batch:
    // the bound applies to everything waiting, not only to what is still in the channel.
    private int _waiting;
    private long _batchesRun;
    private long _requestsRun;
    private volatile bool _disposed;

    /// <param name="model">The version to run; its session is shared with unbatched <see cref="LoadedModel.Run"/> calls.</param>
    /// <param name="config">Batching settings, already validated.</param>
    /// <param name="time">Clock for the queue delay.</param>
    public DynamicBatcher(LoadedModel model, DynamicBatchingConfig config, TimeProvider time)
    {
        _model = model;
        _time = time;
        Config = config;
        _maxQueueDelay = TimeSpan.FromMicroseconds(config.MaxQueueDelayMicroseconds);
        MaxBatchSize = model.Signature.MaxBatchSize;
        _preferred = new bool[MaxBatchSize + 1];
        foreach (var size in config.PreferredBatchSize ?? [])
        {
            if (size > 0 && size <= MaxBatchSize)
            {
                _preferred[size] = true;
            }
        }

        Worker = Task.Run(RunWorkerAsync);
    }

    public DynamicBatchingConfig Config { get; }

    /// <summary>Rows a batch may hold: the version's <c>max_batch_size</c>.</summary>
    public int MaxBatchSize { get; }

    /// <summary>Batches run so far (each one model run).</summary>
    public long BatchesRun => Interlocked.Read(ref _batchesRun);

    /// <summary>Requests those batches served.</summary>
    public long RequestsRun => Interlocked.Read(ref _requestsRun);

    /// <summary>Requests waiting now.</summary>
    public int QueueLength => Volatile.Read(ref _waiting);

    /// <summary>The worker; it ends once the batcher is disposed and every queued request is answered.</summary>
    internal Task Worker { get; }

    /// <summary>Validates one request, then queues it to run in a batch.</summary>
    /// <param name="inputs">Every input the model takes, once each.</param>
    /// <param name="outputNames">Outputs to return; empty for all.</param>
    /// <param name="cancellationToken">Gives up on a request that has not started to run yet.</param>
    /// <returns>
    /// This request's rows of each output. Fails with <see cref="InvalidInputException"/> (the request alone),
    /// <see cref="QueueFullException"/>, <see cref="ObjectDisposedException"/> (the version was unloaded) or
    /// the run's own exception (every request of the batch).
    /// </returns>
    public Task<TensorOutput[]> RunAsync(
        IReadOnlyList<TensorInput> inputs, IReadOnlyList<string> outputNames, CancellationToken cancellationToken = default)
    {
        TensorInput[] ordered;
        TensorSignature[] outputs;
        try
        {
            (ordered, outputs) = InputValidator.Validate(_model.Signature, inputs, outputNames);
        }
        catch (InvalidInputException e)
        {
            return Task.FromException<TensorOutput[]>(e);
        }

        if (_disposed)
        {
            return Task.FromException<TensorOutput[]>(Unloaded());
        }

        if (Interlocked.Increment(ref _waiting) > Config.MaxQueueSize)
        {
            Interlocked.Decrement(ref _waiting);
            return Task.FromException<TensorOutput[]>(new QueueFullException(
                $"model '{_model.Model}' version '{_model.Version}' is busy: its batching queue is full ({Config.MaxQueueSize} requests, max_queue_size); retry later"));
        }

        var request = new BatchRequest(ordered, outputs, _time.GetTimestamp());
        if (cancellationToken.CanBeCanceled)
        {
            request.Cancellation = cancellationToken.UnsafeRegister(
                static (state, token) => ((BatchRequest)state!).TrySetCanceled(token), request);
        }

        if (!_queue.Writer.TryWrite(request))
        {
            // Disposed since the check above: the writer is complete.
            Interlocked.Decrement(ref _waiting);
            request.Fail(Unloaded());
        }

        return request.Task;
    }

    /// <summary>Stops taking requests; those still queued fail with <see cref="ObjectDisposedException"/>. Does not wait.</summary>
    public void Dispose()
    {
        _disposed = true;
        _queue.Writer.TryComplete();
    }

    private ObjectDisposedException Unloaded() =>
        new(nameof(DynamicBatcher), $"model '{_model.Model}' version '{_model.Version}' was unloaded");
}

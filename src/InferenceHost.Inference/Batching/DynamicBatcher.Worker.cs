using System.Diagnostics.CodeAnalysis;

namespace InferenceHost.Inference.Batching;

/// <summary>The worker: the one task that assembles batches and runs them.</summary>
public sealed partial class DynamicBatcher
{
    private static readonly TimeSpan TimerResolution = TimeSpan.FromMilliseconds(1);

    // Requests taken from the channel that a batch left for the next one (the rows past a preferred size).
    // Only the worker touches it, and it holds at most max_batch_size requests, each still counted in _waiting.
    private readonly Queue<BatchRequest> _held = new();

    // The worker's one deadline, reset between waits rather than allocated (with its timer) for each.
    private CancellationTokenSource? _deadline;

    private async Task RunWorkerAsync()
    {
        var batch = new List<BatchRequest>();
        while (await NextAsync() is { } head)
        {
            batch.Add(head);
            var count = await FillAsync(batch);
            Run(batch, count);
            batch.Clear();
        }

        _deadline?.Dispose();
    }

    /// <summary>The oldest live request, waiting for one if none is queued; null once disposed and drained.</summary>
    private async ValueTask<BatchRequest?> NextAsync()
    {
        while (true)
        {
            if (TryPeek(out var next))
            {
                Take();
                if (!next.IsDone)
                {
                    return next;
                }

                Interlocked.Decrement(ref _waiting);
                continue;
            }

            if (!await _queue.Reader.WaitToReadAsync())
            {
                return null;
            }
        }
    }

    /// <summary>Adds what may join the batch started by <c>batch[0]</c>; returns how many of its requests to run now.</summary>
    private async ValueTask<int> FillAsync(List<BatchRequest> batch)
    {
        while (true)
        {
            // Requests canceled while the batch waited give their rows back, and the next one's age sets the deadline.
            var (rows, preferred) = Prune(batch);
            if (batch.Count == 0)
            {
                return 0;
            }

            var head = batch[0];
            while (rows < MaxBatchSize && TryPeek(out var next))
            {
                if (next.IsDone)
                {
                    Take();
                    Interlocked.Decrement(ref _waiting);
                    continue;
                }

                if (rows + next.Rows > MaxBatchSize || !head.CanShareBatchWith(next))
                {
                    // The queue is served in order: nothing behind this request can join either.
                    return batch.Count;
                }

                Take();
                batch.Add(next);
                rows += next.Rows;
                if (IsPreferred(rows))
                {
                    preferred = batch.Count;
                }
            }

            if (rows >= MaxBatchSize || preferred == batch.Count || _disposed)
            {
                return batch.Count;
            }

            if (preferred > 0)
            {
                // Past a preferred size with nothing more queued: run that size now, keep the rest for the next batch.
                return preferred;
            }

            var left = _maxQueueDelay - _time.GetElapsedTime(head.EnqueuedAt);
            if (left <= TimeSpan.Zero)
            {
                return batch.Count;
            }

            // Woken by a request, the deadline or disposal, the loop checks all three again: a timer can fire up to a
            // millisecond early, and what is left of the delay is then spun out rather than cut short.
            await WaitForMoreAsync(left);
        }
    }

    /// <summary>Drops requests that are done (canceled); returns the rows left and the longest prefix of a preferred size.</summary>
    private (int Rows, int Preferred) Prune(List<BatchRequest> batch)
    {
        var dropped = batch.RemoveAll(static r => r.IsDone);
        Interlocked.Add(ref _waiting, -dropped);
        var rows = 0;
        var preferred = 0;
        for (var i = 0; i < batch.Count; i++)
        {
            rows += batch[i].Rows;
            if (IsPreferred(rows))
            {
                preferred = i + 1;
            }
        }

        return (rows, preferred);
    }

    /// <summary>Waits until a request arrives, <paramref name="left"/> passes (or its timer fires), or the batcher is disposed.</summary>
    /// <remarks>
    /// Timers count whole milliseconds: a timer for less than 1 ms is due at once, so a shorter delay
    /// would end early. The last millisecond is spun instead, yielding the core to the callers
    /// whose requests the batch waits for; longer waits sleep on one reusable deadline until then.
    /// </remarks>
    private async ValueTask WaitForMoreAsync(TimeSpan left)
    {
        if (left < TimerResolution)
        {
            SpinForMore(left);
            return;
        }

        if (_deadline is null || !_deadline.TryReset())
        {
            // Only a deadline that fired cannot be reset: at most one new source per batch that waited out its delay.
            _deadline?.Dispose();
            _deadline = new CancellationTokenSource(Timeout.InfiniteTimeSpan, _time);
        }

        _deadline.CancelAfter(left);
        try
        {
            await _queue.Reader.WaitToReadAsync(_deadline.Token);
        }
        catch (OperationCanceledException)
        {
            // The deadline: the caller sees how much of the delay is left.
        }
    }

    private void SpinForMore(TimeSpan left)
    {
        var start = _time.GetTimestamp();
        var spinner = default(SpinWait);
        while (!TryPeek(out _) && !_disposed && _time.GetElapsedTime(start) < left)
        {
            // Never Thread.Sleep(1): it would sleep past a sub-millisecond deadline.
            spinner.SpinOnce(sleep1Threshold: -1);
        }
    }

    /// <summary>Runs the first <paramref name="count"/> requests of <paramref name="batch"/> and holds the rest.</summary>
    private void Run(List<BatchRequest> batch, int count)
    {
        for (var i = count; i < batch.Count; i++)
        {
            _held.Enqueue(batch[i]);
        }

        batch.RemoveRange(count, batch.Count - count);
        Interlocked.Add(ref _waiting, -count);
        batch.RemoveAll(static r => r.IsDone);
        if (batch.Count == 0)
        {
            return;
        }

        if (_disposed)
        {
            FailAll(batch, Unloaded());
            return;
        }

        Interlocked.Increment(ref _batchesRun);
        Interlocked.Add(ref _requestsRun, batch.Count);
        try
        {
            if (batch.Count == 1)
            {
                batch[0].Succeed(_model.RunOrdered(batch[0].Inputs, batch[0].Outputs));
            }
            else
            {
                RunTogether(batch);
            }
        }
        catch (Exception e)
        {
            // A failure of the run (the model's, or an unload racing it) is every request's in the batch;
            // the worker itself must go on serving the queue.
            FailAll(batch, e);
        }
    }

    private void RunTogether(List<BatchRequest> batch)
    {
        var rows = 0;
        foreach (var request in batch)
        {
            rows += request.Rows;
        }

        var rented = new byte[batch[0].Inputs.Length][];
        try
        {
            var inputs = BatchAssembler.Concatenate(batch, rows, rented);
            var outputs = _model.RunOrdered(inputs, batch[0].Outputs);
            var shares = BatchAssembler.Split(outputs, batch, rows);
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Succeed(shares[i]);
            }
        }
        finally
        {
            BatchAssembler.Return(rented);
        }
    }

    private static void FailAll(List<BatchRequest> batch, Exception exception)
    {
        foreach (var request in batch)
        {
            request.Fail(exception);
        }
    }

    private bool IsPreferred(int rows) => rows < _preferred.Length && _preferred[rows];

    private bool TryPeek([NotNullWhen(true)] out BatchRequest? next) =>
        _held.TryPeek(out next) || _queue.Reader.TryPeek(out next);

    private void Take()
    {
        if (!_held.TryDequeue(out _))
        {
            _queue.Reader.TryRead(out _);
        }
    }
}

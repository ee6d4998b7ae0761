using InferenceHost.Inference.Execution;
using InferenceHost.Inference.Tensors;

namespace InferenceHost.Inference.Batching;

/// <summary>
/// One validated request waiting in a <see cref="DynamicBatcher"/>; it is its own completion, so queueing
/// a request allocates one object besides its result.
/// </summary>
internal sealed class BatchRequest(TensorInput[] inputs, TensorSignature[] outputs, long enqueuedAt)
    : TaskCompletionSource<TensorOutput[]>(TaskCreationOptions.RunContinuationsAsynchronously)
{
    /// <summary>Inputs in graph order.</summary>
    public TensorInput[] Inputs { get; } = inputs;

    /// <summary>Outputs to produce, in the order asked for.</summary>
    public TensorSignature[] Outputs { get; } = outputs;

    /// <summary>Rows this request adds to a batch (its inputs' first dimension).</summary>
    public int Rows { get; } = checked((int)inputs[0].Shape[0]);

    /// <summary><see cref="TimeProvider.GetTimestamp"/> when the request was queued.</summary>
    public long EnqueuedAt { get; } = enqueuedAt;

    /// <summary>Unregisters from the caller's token once the request is done.</summary>
    public CancellationTokenRegistration Cancellation { get; set; }

    public bool IsDone => Task.IsCompleted;

    public void Succeed(TensorOutput[] outputs)
    {
        TrySetResult(outputs);
        Cancellation.Dispose();
    }

    public void Fail(Exception exception)
    {
        TrySetException(exception);
        Cancellation.Dispose();
    }

    /// <summary>
    /// True when one run can serve both: the same outputs in the same order, and inputs that differ at
    /// most in their first (batch) dimension. Datatypes agree already, since both passed validation.
    /// </summary>
    public bool CanShareBatchWith(BatchRequest other)
    {
        if (Outputs.Length != other.Outputs.Length)
        {
            return false;
        }

        for (var i = 0; i < Outputs.Length; i++)
        {
            if (!ReferenceEquals(Outputs[i], other.Outputs[i]) && Outputs[i].Name != other.Outputs[i].Name)
            {
                return false;
            }
        }

        for (var i = 0; i < Inputs.Length; i++)
        {
            if (!Inputs[i].Shape.AsSpan(1).SequenceEqual(other.Inputs[i].Shape.AsSpan(1)))
            {
                return false;
            }
        }

        return true;
    }
}

namespace InferenceHost.Inference.Execution;

/// <summary>
/// A few <see cref="RunScratch"/>es for one model, one per concurrent run up to the processor count; a run that
/// finds none free makes its own, and it is dropped if no slot is free when it ends. Lock-free: a slot is taken
/// and given back with one exchange, so a scratch is only ever in one run's hands.
/// </summary>
internal sealed class RunScratchPool(int inputs, int outputs)
{
    private readonly RunScratch?[] _slots = new RunScratch?[Environment.ProcessorCount];

    public RunScratch Rent()
    {
        for (var i = 0; i < _slots.Length; i++)
        {
            if (Interlocked.Exchange(ref _slots[i], null) is { } scratch)
            {
                return scratch;
            }
        }

        return new RunScratch(inputs, outputs);
    }

    /// <summary>Takes back a scratch already <see cref="RunScratch.Clear">cleared</see>.</summary>
    public void Return(RunScratch scratch)
    {
        for (var i = 0; i < _slots.Length; i++)
        {
            if (Interlocked.CompareExchange(ref _slots[i], scratch, null) is null)
            {
                return;
            }
        }
    }
}

namespace InferenceHost.Inference.Execution;

/// <summary>
/// Reference count that lets an owner retire a native resource while calls are still using it:
/// the resource is released by whoever leaves last, never under a running call.
/// </summary>
internal sealed class UsageCount(Action release)
{
    // Starts at 1: the owner's own reference, given up by Retire.
    private int _count = 1;
    private int _retired;

    /// <summary>Takes a reference; false once the resource is retired and unused.</summary>
    public bool TryEnter()
    {
        var count = Volatile.Read(ref _count);
        while (count > 0)
        {
            var seen = Interlocked.CompareExchange(ref _count, count + 1, count);
            if (seen == count)
            {
                return true;
            }

            count = seen;
        }

        return false;
    }

    public void Exit()
    {
        if (Interlocked.Decrement(ref _count) == 0)
        {
            release();
        }
    }

    /// <summary>Gives up the owner's reference, once; the resource goes when the last call exits.</summary>
    public void Retire()
    {
        if (Interlocked.Exchange(ref _retired, 1) == 0)
        {
            Exit();
        }
    }
}

namespace InferenceHost.Inference.Tests.Batching;

/// <summary>
/// A clock whose time never passes and whose timers never fire: a batch that runs under it ran because
/// of its size, never because its queue delay ran out.
/// </summary>
internal sealed class StoppedClock : TimeProvider
{
    public override long GetTimestamp() => 0;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) => new IdleTimer();

    private sealed class IdleTimer : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => true;

        public void Dispose()
        {
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}

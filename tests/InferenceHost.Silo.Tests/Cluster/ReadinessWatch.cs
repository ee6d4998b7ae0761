namespace InferenceHost.Silo.Tests.Cluster;

/// <summary>
/// A load balancer's health checks: every silo's readiness polled in the background every 200 ms, so
/// requests go only to silos last seen ready. A draining silo drops out within one poll, well inside its drain period.
/// </summary>
public sealed class ReadinessWatch : IAsyncDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);

    private readonly CancellationTokenSource _stop = new();
    private readonly Task _polling;
    private volatile SiloProcess[] _ready;

    public ReadinessWatch(IReadOnlyList<SiloProcess> silos)
    {
        _ready = [.. silos];
        _polling = Task.Run(() => PollAsync(silos));
    }

    /// <summary>The silos that answered ready to the latest poll, in their order.</summary>
    public IReadOnlyList<SiloProcess> Ready => _ready;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _polling;
        _stop.Dispose();
    }

    private async Task PollAsync(IReadOnlyList<SiloProcess> silos)
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            do
            {
                var answers = await Task.WhenAll(silos.Select(static s => s.IsReadyAsync()));
                _ready = [.. silos.Where((_, i) => answers[i])];
            }
            while (await timer.WaitForNextTickAsync(_stop.Token));
        }
        catch (OperationCanceledException)
        {
            // Disposed: the balancer is gone.
        }
    }
}

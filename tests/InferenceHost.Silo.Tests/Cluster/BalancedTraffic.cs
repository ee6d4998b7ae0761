using System.Collections.Concurrent;
using InferenceHost.Tests.Common;

namespace InferenceHost.Silo.Tests.Cluster;

/// <summary>
/// Clients behind a load balancer that spreads requests over every silo address, the dead one included, and
/// retries a request that failed in transport or with a 5xx once on the next silo, as balancers do for idempotent calls.
/// </summary>
public sealed class BalancedTraffic : IAsyncDisposable
{
    private readonly IReadOnlyList<SiloProcess> _silos;
    private readonly CancellationTokenSource _stop = new(TimeSpan.FromMinutes(3));
    private readonly ConcurrentQueue<(bool Succeeded, bool Retried, string? Failure)> _outcomes = new();
    private readonly Task[] _clients;
    private int _next;

    public BalancedTraffic(IReadOnlyList<SiloProcess> silos, string model, int clients)
    {
        _silos = silos;
        _clients = [.. Enumerable.Range(0, clients).Select(_ => Task.Run(() => RunAsync(model)))];
    }

    public int Count => _outcomes.Count;

    public Task WaitForMoreAsync(int count, TimeSpan limit)
    {
        var target = _outcomes.Count + count;
        return Eventually.TrueAsync(() => Task.FromResult(_outcomes.Count >= target), limit, $"{count} more requests");
    }

    /// <summary>Stops the clients; returns every outcome.</summary>
    public async Task<IReadOnlyList<(bool Succeeded, bool Retried, string? Failure)>> StopAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_clients);
        return [.. _outcomes];
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stop.Dispose();
    }

    private async Task RunAsync(string model)
    {
        while (!_stop.IsCancellationRequested)
        {
            var first = _silos[(int)((uint)Interlocked.Increment(ref _next) % _silos.Count)];
            var failure = await TryAsync(first, model);
            if (failure is null)
            {
                _outcomes.Enqueue((true, false, null));
                continue;
            }

            var second = _silos[(_silos.ToList().IndexOf(first) + 1) % _silos.Count];
            var retryFailure = await TryAsync(second, model);
            _outcomes.Enqueue((retryFailure is null, true, retryFailure is null ? null : $"{first.Name}: {failure}; then {second.Name}: {retryFailure}"));
        }
    }

    private static async Task<string?> TryAsync(SiloProcess silo, string model)
    {
        try
        {
            var response = await silo.Http.InferAsync(model);
            return response.Succeeded ? null : $"{(int)response.Status} {response.Error}";
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return e.Message;
        }
    }
}

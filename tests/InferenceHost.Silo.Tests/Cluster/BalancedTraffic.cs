using System.Collections.Concurrent;
using InferenceHost.Tests.Common;

namespace InferenceHost.Silo.Tests.Cluster;

/// <summary>
/// Clients behind a load balancer that spreads requests round robin over its targets and retries a request that
/// failed in transport or with a 5xx once on the next target, as balancers do for idempotent calls. The targets
/// are either every silo address, a dead one included (a balancer that has not noticed yet), or, with
/// <see cref="ToReadySilos"/>, only the silos its health checks last saw ready.
/// </summary>
public sealed class BalancedTraffic : IAsyncDisposable
{
    private readonly Func<IReadOnlyList<SiloProcess>> _targets;
    private readonly ReadinessWatch? _watch;
    private readonly CancellationTokenSource _stop = new(TimeSpan.FromMinutes(3));
    private readonly ConcurrentQueue<(bool Succeeded, bool Retried, string? Failure)> _outcomes = new();
    private readonly ConcurrentDictionary<string, int> _served = new();
    private readonly Task[] _clients;
    private int _next;

    /// <summary>Traffic to every silo, running or not.</summary>
    public BalancedTraffic(IReadOnlyList<SiloProcess> silos, string model, int clients)
        : this(() => silos, null, model, clients)
    {
    }

    private BalancedTraffic(Func<IReadOnlyList<SiloProcess>> targets, ReadinessWatch? watch, string model, int clients)
    {
        _targets = targets;
        _watch = watch;
        _clients = [.. Enumerable.Range(0, clients).Select(_ => Task.Run(() => RunAsync(model)))];
    }

    public int Count => _outcomes.Count;

    /// <summary>Traffic only to the silos that answered the balancer's latest readiness poll.</summary>
    public static BalancedTraffic ToReadySilos(IReadOnlyList<SiloProcess> silos, string model, int clients)
    {
        var watch = new ReadinessWatch(silos);
        return new BalancedTraffic(() => watch.Ready, watch, model, clients);
    }

    /// <summary>Requests <paramref name="silo"/> has answered successfully so far.</summary>
    public int ServedBy(SiloProcess silo) => _served.GetValueOrDefault(silo.Name);

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
        if (_watch is not null)
        {
            await _watch.DisposeAsync();
        }

        _stop.Dispose();
    }

    private async Task RunAsync(string model)
    {
        while (!_stop.IsCancellationRequested)
        {
            var targets = _targets();
            if (targets.Count == 0)
            {
                _outcomes.Enqueue((false, false, "no silo ready"));
                continue;
            }

            var first = targets[(int)((uint)Interlocked.Increment(ref _next) % targets.Count)];
            var failure = await TryAsync(first, model);
            if (failure is null)
            {
                _outcomes.Enqueue((true, false, null));
                continue;
            }

            var second = After(_targets(), first);
            var retryFailure = second is null ? "no other silo ready" : await TryAsync(second, model);
            _outcomes.Enqueue((retryFailure is null, true, retryFailure is null ? null : $"{first.Name}: {failure}; then {second?.Name}: {retryFailure}"));
        }
    }

    /// <summary>The target after <paramref name="silo"/> in round-robin order, never itself; null when there is no other.</summary>
    private static SiloProcess? After(IReadOnlyList<SiloProcess> targets, SiloProcess silo)
    {
        return targets.SkipWhile(t => t != silo).Skip(1).Concat(targets.TakeWhile(t => t != silo)).FirstOrDefault();
    }

    private async Task<string?> TryAsync(SiloProcess silo, string model)
    {
        try
        {
            var response = await silo.Http.InferAsync(model);
            if (!response.Succeeded)
            {
                return $"{(int)response.Status} {response.Error}";
            }

            _served.AddOrUpdate(silo.Name, 1, static (_, n) => n + 1);
            return null;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return e.Message;
        }
    }
}

using System.Collections.Concurrent;
using InferenceHost.Abstractions.Routing;
using Microsoft.Extensions.Logging;

namespace InferenceHost.Grains.Routing;

/// <summary>
/// This silo's route tables: a hit is one dictionary read with no allocation and no grain call.
/// The first request for a model fetches its table from the router grain (concurrent misses share
/// one fetch) and subscribes this silo to its changes; pushes then replace it, and
/// <see cref="PollAsync"/> (run by <see cref="ClusterSubscriptionPoller"/>) heals a lost push and renews
/// the subscription. A table replaces the cached one only when its revision is higher, so a late
/// push or poll can never move a silo back.
/// </summary>
public sealed partial class SiloRouteTables(IGrainFactory grains, ILogger<SiloRouteTables> logger) : IRouteTableSource, IRouteTableObserver
{
    private readonly ConcurrentDictionary<string, RouteTable> _tables = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Task<RouteTable>> _fetches = new(StringComparer.Ordinal);
    private readonly Lock _referenceLock = new();
    private IRouteTableObserver? _reference;

    public ValueTask<RouteTable> GetAsync(string model) =>
        _tables.TryGetValue(model, out var table) ? new ValueTask<RouteTable>(table) : new ValueTask<RouteTable>(FetchOnceAsync(model));

    /// <summary>The cached table of <paramref name="model"/>, without fetching it.</summary>
    public bool TryGet(string model, out RouteTable table) => _tables.TryGetValue(model, out table!);

    /// <summary>Keeps <paramref name="table"/> if it is newer than the cached one (a router's push).</summary>
    public Task OnRouteTableChanged(RouteTable table)
    {
        Store(table);
        return Task.CompletedTask;
    }

    /// <summary>Fetches every cached table again and renews this silo's subscriptions; failures are logged, never thrown.</summary>
    public Task PollAsync()
    {
        var refreshes = new List<Task>(_tables.Count);
        foreach (var model in _tables.Keys)
        {
            refreshes.Add(RefreshLoggedAsync(model));
        }

        return Task.WhenAll(refreshes);
    }

    private Task<RouteTable> FetchOnceAsync(string model)
    {
        var fetch = new TaskCompletionSource<RouteTable>(TaskCreationOptions.RunContinuationsAsynchronously);
        var shared = _fetches.GetOrAdd(model, fetch.Task);
        if (shared == fetch.Task)
        {
            _ = CompleteFetchAsync(model, fetch);
        }

        return shared;
    }

    private async Task CompleteFetchAsync(string model, TaskCompletionSource<RouteTable> fetch)
    {
        try
        {
            fetch.SetResult(await RefreshAsync(model));
        }
        catch (Exception exception)
        {
            // The next request tries again; the failure is this request's.
            fetch.SetException(exception);
        }
        finally
        {
            _fetches.TryRemove(KeyValuePair.Create(model, fetch.Task));
        }
    }

    private async Task RefreshLoggedAsync(string model)
    {
        try
        {
            await RefreshAsync(model);
        }
        catch (Exception exception)
        {
            LogRefreshFailed(logger, model, exception);
        }
    }

    /// <summary>Subscribes before reading, so a change made in between arrives as a push.</summary>
    private async Task<RouteTable> RefreshAsync(string model)
    {
        var router = grains.GetGrain<IModelRouterGrain>(model);
        await router.Subscribe(Reference);
        return Store(await router.GetRouteTable());
    }

    private RouteTable Store(RouteTable table)
    {
        while (true)
        {
            if (!_tables.TryGetValue(table.Model, out var current))
            {
                if (_tables.TryAdd(table.Model, table))
                {
                    LogTableChanged(logger, table.Model, table.Revision, table.ChangedBy);
                    return table;
                }
            }
            else if (current.Revision >= table.Revision)
            {
                return current;
            }
            else if (_tables.TryUpdate(table.Model, table, current))
            {
                LogTableChanged(logger, table.Model, table.Revision, table.ChangedBy);
                return table;
            }
        }
    }

    /// <summary>One reference for this silo's lifetime: the router keys its subscribers by it.</summary>
    private IRouteTableObserver Reference
    {
        get
        {
            lock (_referenceLock)
            {
                return _reference ??= grains.CreateObjectReference<IRouteTableObserver>(this);
            }
        }
    }
}

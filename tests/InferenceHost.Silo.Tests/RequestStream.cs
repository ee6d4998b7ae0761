using System.Collections.Concurrent;
using InferenceHost.Tests.Common;

namespace InferenceHost.Silo.Tests;

/// <summary>
/// Clients sending version-less inference requests back to back, each recording what served it,
/// until stopped or until a hard time cap, so a test can change the deployment under real traffic.
/// </summary>
public sealed class RequestStream : IAsyncDisposable
{
    private static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(10);

    private readonly ConcurrentQueue<ServedResponse> _all = new();
    private readonly List<ServedResponse>[] _byClient;
    private readonly CancellationTokenSource _stop;
    private readonly Task[] _clients;

    /// <summary>
    /// Starts <paramref name="clients"/> clients; they stop by themselves after <paramref name="hardCap"/>. Each request
    /// is <paramref name="body"/>'s for its client and sequence number, or one iris flower when that is null.
    /// </summary>
    public RequestStream(HttpClient http, string model, int clients, TimeSpan hardCap, Func<int, long, string>? body = null)
    {
        _stop = new CancellationTokenSource(hardCap);
        _byClient = [.. Enumerable.Range(0, clients).Select(_ => new List<ServedResponse>())];
        _clients = [.. _byClient.Select((responses, client) => Task.Run(() => RunClientAsync(http, model, responses, client, body)))];
    }

    /// <summary>Waits until <paramref name="count"/> responses have matched <paramref name="match"/>.</summary>
    public Task WaitForAsync(Func<ServedResponse, bool> match, int count, string what) =>
        Eventually.TrueAsync(() => Task.FromResult(_all.Count(match) >= count), WaitLimit, what);

    /// <summary>Waits until <paramref name="count"/> more responses have arrived.</summary>
    public Task WaitForMoreAsync(int count)
    {
        var target = _all.Count + count;
        return Eventually.TrueAsync(() => Task.FromResult(_all.Count >= target), WaitLimit, $"{count} more responses");
    }

    /// <summary>Stops the clients, letting requests in flight finish; returns each client's responses in order.</summary>
    public async Task<IReadOnlyList<IReadOnlyList<ServedResponse>>> StopAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_clients);
        return _byClient;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stop.Dispose();
    }

    /// <summary>Responses so far, from every client.</summary>
    public int Count => _all.Count;

    private async Task RunClientAsync(HttpClient http, string model, List<ServedResponse> responses, int client, Func<int, long, string>? body)
    {
        for (long sequence = 0; !_stop.IsCancellationRequested; sequence++)
        {
            var response = await http.InferAsync(model, request: body?.Invoke(client, sequence));
            responses.Add(response);
            _all.Enqueue(response);
        }
    }
}

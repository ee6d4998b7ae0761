using InferenceHost.Benchmarks.Hosting;
using InferenceHost.Benchmarks.Load;

namespace InferenceHost.Benchmarks.Targets;

/// <summary>
/// A load balancer in front of several servers: each request goes to the next one in turn, round robin per
/// request as an L7 balancer (NGINX, Envoy) spreads HTTP requests and gRPC calls, through one member target
/// of the same mode per server. Its server is all of them together.
/// </summary>
internal sealed class RoundRobinTarget(string mode, IReadOnlyList<ILoadTarget> members, IServerProbe server) : ILoadTarget
{
    private int next = -1;

    public string Mode => mode;

    public IReadOnlyList<ILoadTarget> Members => members;

    public bool BlocksThread => false;

    public IServerProbe? Server => server;

    public bool ExpectsRawAnswer => members.All(member => member.ExpectsRawAnswer);

    public ILoadWorker CreateWorker() => new RoundRobinWorker(members.Select(member => member.CreateWorker()).ToArray(), Next);

    public Task<float[]> FetchOutputAsync(string output, CancellationToken cancellationToken) =>
        members[Next()].FetchOutputAsync(output, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        foreach (var member in members)
        {
            await member.DisposeAsync();
        }
    }

    // One counter for all workers, as a balancer has: consecutive requests go to consecutive servers, whoever sent them.
    private int Next() => (int)((uint)Interlocked.Increment(ref next) % (uint)members.Count);
}

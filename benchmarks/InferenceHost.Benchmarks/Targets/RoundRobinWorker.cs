using InferenceHost.Benchmarks.Load;

namespace InferenceHost.Benchmarks.Targets;

/// <summary>A worker of each member target, and the balancer's choice of which one sends the next request.</summary>
internal sealed class RoundRobinWorker(ILoadWorker[] members, Func<int> next) : ILoadWorker
{
    public ValueTask SendAsync(CancellationToken cancellationToken) => members[next()].SendAsync(cancellationToken);

    public void Dispose()
    {
        foreach (var member in members)
        {
            member.Dispose();
        }
    }
}

namespace InferenceHost.Benchmarks.Hosting;

/// <summary>
/// The child servers of one run and the scratch folder they work in: disposed in the reverse order of their
/// start (a balancer before the servers behind it, silos before their Redis), then the folder deleted.
/// </summary>
internal sealed class ServerStack(string scratch) : IAsyncDisposable
{
    private readonly List<IChildServer> owned = [];

    /// <summary>A folder of this run's, deleted at the end: state, copied repositories, configs.</summary>
    public string Scratch { get; } = scratch;

    /// <summary>CPU time of every server started so far.</summary>
    public TimeSpan CpuTime => owned.Aggregate(TimeSpan.Zero, (sum, server) => sum + server.CpuTime);

    /// <summary>A scratch folder named after this process, under the system's temporary folder.</summary>
    public static ServerStack InTemp(string purpose) =>
        new(Path.Combine(Path.GetTempPath(), $"inferencehost-{purpose}-{Environment.ProcessId}"));

    public T Own<T>(T server)
        where T : IChildServer
    {
        owned.Add(server);
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        for (var i = owned.Count - 1; i >= 0; i--)
        {
            await owned[i].DisposeAsync();
        }

        if (Directory.Exists(Scratch))
        {
            Directory.Delete(Scratch, recursive: true);
        }
    }
}

using System.Globalization;

namespace InferenceHost.Benchmarks.Hosting;

/// <summary>
/// A .NET server (the host or a plain server) with its addresses; as a probe it reads the process's
/// CPU time and the bytes the server's GC reports allocated, from <paramref name="allocatedBytes"/>.
/// </summary>
internal sealed class DotnetServer(ServerProcess process, Uri httpAddress, Uri grpcAddress, Func<HttpClient, CancellationToken, Task<long>> allocatedBytes)
    : IServerProbe, IAsyncDisposable
{
    private readonly HttpClient client = new(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = httpAddress, Timeout = TimeSpan.FromSeconds(10) };

    public string Name => process.Name;

    public Uri HttpAddress { get; } = httpAddress;

    public Uri GrpcAddress { get; } = grpcAddress;

    public ServerProcess Process => process;

    public HttpClient Client => client;

    public async Task<ServerSample> SampleAsync(CancellationToken cancellationToken) =>
        new(process.CpuTime, await allocatedBytes(client, cancellationToken));

    /// <summary>The plain server's <c>GET /benchmark/allocated-bytes</c>.</summary>
    public static async Task<long> PlainAllocatedBytesAsync(HttpClient client, CancellationToken cancellationToken) =>
        long.Parse(await client.GetStringAsync(new Uri("benchmark/allocated-bytes", UriKind.Relative), cancellationToken), CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        client.Dispose();
        await process.DisposeAsync();
    }
}

using System.Globalization;

namespace InferenceHost.Benchmarks.Hosting;

/// <summary>
/// A .NET server (the host or a plain server) with its addresses; as a probe it reads the process's
/// CPU time and the bytes the server's GC reports allocated, from <paramref name="allocatedBytes"/>.
/// </summary>
internal sealed class DotnetServer(ServerProcess process, Uri httpAddress, Uri grpcAddress, Func<HttpClient, CancellationToken, Task<long>> allocatedBytes)
    : IServerProbe, IChildServer
{
    private readonly HttpClient client = new(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = httpAddress, Timeout = TimeSpan.FromSeconds(10) };

    public string Name => process.Name;

    public Uri HttpAddress { get; } = httpAddress;

    public Uri GrpcAddress { get; } = grpcAddress;

    public TimeSpan CpuTime => process.CpuTime;

    public async Task<ServerSample> SampleAsync(CancellationToken cancellationToken) =>
        new(process.CpuTime, await allocatedBytes(client, cancellationToken));

    /// <summary>A request to the host's admin API (<c>/admin/v1/…</c>) with the run's bearer token.</summary>
    public async Task<HttpResponseMessage> SendAdminAsync(HttpMethod method, string path, string adminToken, HttpContent? content, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = content };
        request.Headers.Authorization = new("Bearer", adminToken);
        return await client.SendAsync(request, cancellationToken);
    }

    /// <summary>A GET of <paramref name="path"/> (relative to the HTTP address), its body as text.</summary>
    public Task<string> GetStringAsync(string path, CancellationToken cancellationToken) =>
        client.GetStringAsync(new Uri(path, UriKind.Relative), cancellationToken);

    /// <summary>The plain server's <c>GET /benchmark/allocated-bytes</c>.</summary>
    public static async Task<long> PlainAllocatedBytesAsync(HttpClient client, CancellationToken cancellationToken) =>
        long.Parse(await client.GetStringAsync(new Uri("benchmark/allocated-bytes", UriKind.Relative), cancellationToken), CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        client.Dispose();
        await process.DisposeAsync();
    }
}

using InferenceHost.Benchmarks.Hosting;
using InferenceHost.Benchmarks.Load;

namespace InferenceHost.Benchmarks.Targets;

/// <summary>
/// A server over HTTP/1.1, in one encoding, at a version's URL or (<paramref name="version"/> null)
/// the model's, which the host routes by its deployment. Each target has its own connection pool;
/// a closed loop of N workers keeps N connections busy, as N independent clients would.
/// </summary>
internal sealed class HttpInferTarget(
    string mode, Uri baseAddress, string model, string? version, IHttpInferEncoding encoding, IServerProbe server) : ILoadTarget
{
    private readonly HttpClient client = new(new SocketsHttpHandler
    {
        UseProxy = false,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        MaxConnectionsPerServer = int.MaxValue,
    })
    {
        Timeout = TimeSpan.FromSeconds(60),
    };

    private readonly Uri inferUri = new(baseAddress, version is null ? $"v2/models/{model}/infer" : $"v2/models/{model}/versions/{version}/infer");

    public string Mode => mode;

    public bool BlocksThread => false;

    public IServerProbe? Server => server;

    public bool ExpectsRawAnswer => version is not null;

    public ILoadWorker CreateWorker() => new HttpInferWorker(client, inferUri, encoding);

    public async Task<float[]> FetchOutputAsync(string output, CancellationToken cancellationToken)
    {
        using var request = encoding.CreateRequest(inferUri);
        using var response = await client.SendAsync(request, cancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        HttpInferWorker.EnsureSuccess(response, body);
        return encoding.DecodeOutput(body, response, output);
    }

    public ValueTask DisposeAsync()
    {
        client.Dispose();
        return ValueTask.CompletedTask;
    }
}

using InferenceHost.Benchmarks.Load;

namespace InferenceHost.Benchmarks.Targets;

/// <summary>
/// The host over HTTP/1.1, in one encoding. Each target has its own connection pool; a closed loop
/// of N workers keeps N connections busy, as N independent clients would.
/// </summary>
internal sealed class HttpInferTarget(Uri baseAddress, string model, string version, IHttpInferEncoding encoding) : ILoadTarget
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

    private readonly Uri inferUri = new(baseAddress, $"v2/models/{model}/versions/{version}/infer");

    public string Mode => encoding.Mode;

    public bool BlocksThread => false;

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

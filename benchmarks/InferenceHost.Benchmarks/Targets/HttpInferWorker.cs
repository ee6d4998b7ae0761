using System.Text;
using InferenceHost.Benchmarks.Load;

namespace InferenceHost.Benchmarks.Targets;

/// <summary>
/// Sends one pre-built request and reads the whole response into a reused buffer without
/// decoding it: the client's share of the CPU stays small, which favours the host, not raw.
/// </summary>
internal sealed class HttpInferWorker(HttpClient client, Uri inferUri, IHttpInferEncoding encoding) : ILoadWorker
{
    private readonly byte[] drain = new byte[16 * 1024];

    public async ValueTask SendAsync(CancellationToken cancellationToken)
    {
        using var request = encoding.CreateRequest(inferUri);
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            EnsureSuccess(response, await response.Content.ReadAsByteArrayAsync(cancellationToken));
        }

        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        while (await body.ReadAsync(drain, cancellationToken) > 0)
        {
        }
    }

    public void Dispose()
    {
    }

    /// <exception cref="HttpRequestException">The host answered with an error; its message is included.</exception>
    public static void EnsureSuccess(HttpResponseMessage response, byte[] body)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException(
                $"{response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {Encoding.UTF8.GetString(body)}", null, response.StatusCode);
        }
    }
}

using System.IO.Compression;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace InferenceHost.Api.Http;

/// <summary>
/// Reads a request body into one array, within the configured limit: refused up front when
/// Content-Length exceeds it, and counted while streaming (chunked or compressed bodies).
/// The array is never pooled, because binary inputs are handed on as slices of it.
/// </summary>
internal static class HttpRequestBodyReader
{
    private const int InitialStreamingBuffer = 16 * 1024;

    /// <exception cref="HttpStatusException">Too large (413), unsupported or corrupt encoding (415, 400), or cut short (400).</exception>
    public static async Task<ReadOnlyMemory<byte>> ReadAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            throw TooLarge(limit);
        }

        // Kestrel's own default (about 28.6 MiB) would otherwise cut bodies short of our limit,
        // and for chunked bodies it is what stops a client that never ends.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
        {
            sizeFeature.MaxRequestBodySize = limit;
        }

        var encoding = request.Headers.ContentEncoding.ToString();
        var decoded = Decode(request.Body, encoding);
        try
        {
            return decoded == request.Body && request.ContentLength is { } length
                ? await ReadExactlyAsync(request.Body, (int)length, cancellationToken)
                : await ReadToEndAsync(decoded, limit, cancellationToken);
        }
        catch (InvalidDataException exception)
        {
            throw new HttpStatusException(StatusCodes.Status400BadRequest, $"the request body is not valid {encoding} data: {exception.Message}");
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw TooLarge(limit);
        }
        finally
        {
            if (decoded != request.Body)
            {
                await decoded.DisposeAsync();
            }
        }
    }

    public static HttpStatusException TooLarge(long limit) =>
        new(StatusCodes.Status413PayloadTooLarge, $"the request body exceeds the limit of {limit} bytes");

    private static Stream Decode(Stream body, string encoding) => encoding.ToLowerInvariant() switch
    {
        "" or "identity" => body,
        "gzip" or "x-gzip" => new GZipStream(body, CompressionMode.Decompress, leaveOpen: true),

        // HTTP's "deflate" is the zlib format (RFC 9110), which is what Triton's clients send.
        "deflate" => new ZLibStream(body, CompressionMode.Decompress, leaveOpen: true),
        "br" => new BrotliStream(body, CompressionMode.Decompress, leaveOpen: true),
        _ => throw new HttpStatusException(
            StatusCodes.Status415UnsupportedMediaType,
            $"Content-Encoding '{encoding}' is not supported; use gzip, deflate or br"),
    };

    private static async Task<ReadOnlyMemory<byte>> ReadExactlyAsync(Stream body, int length, CancellationToken cancellationToken)
    {
        var buffer = new byte[length];
        var read = await body.ReadAtLeastAsync(buffer, length, throwOnEndOfStream: false, cancellationToken);
        return read == length
            ? buffer
            : throw new HttpStatusException(
                StatusCodes.Status400BadRequest, $"the request body ended after {read} of the {length} bytes its Content-Length announced");
    }

    private static async Task<ReadOnlyMemory<byte>> ReadToEndAsync(Stream body, long limit, CancellationToken cancellationToken)
    {
        var buffer = new byte[(int)Math.Min(InitialStreamingBuffer, limit + 1)];
        var total = 0;
        while (true)
        {
            if (total == buffer.Length)
            {
                if (total > limit)
                {
                    throw TooLarge(limit);
                }

                var grown = new byte[(int)Math.Min(buffer.Length * 2L, limit + 1)];
                buffer.AsSpan(0, total).CopyTo(grown);
                buffer = grown;
            }

            var read = await body.ReadAsync(buffer.AsMemory(total), cancellationToken);
            if (read == 0)
            {
                return total > limit ? throw TooLarge(limit) : buffer.AsMemory(0, total);
            }

            total += read;
        }
    }
}

using System.Buffers;
using System.IO.Compression;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace InferenceHost.Api.Http;

/// <summary>
/// Reads a request body into one array, within the configured limit: refused up front when
/// Content-Length exceeds it, and counted while streaming (chunked or compressed bodies).
/// Binary inputs are handed on as slices of the array, so it is placed so that the body offset the caller
/// names (where the binary tensors start) falls on an 8-byte boundary, which lets ONNX Runtime read the
/// first tensor in place instead of from an aligned copy; and it is pooled only when the caller takes a
/// <see cref="RentedBody"/>, which says when the request is done with it.
/// </summary>
internal static class HttpRequestBodyReader
{
    /// <summary>The widest element of any datatype (FP64, INT64, UINT64).</summary>
    public const int TensorAlignment = 8;

    private const int InitialStreamingBuffer = 16 * 1024;

    /// <exception cref="HttpStatusException">Too large (413), unsupported or corrupt encoding (415, 400), or cut short (400).</exception>
    public static Task<ReadOnlyMemory<byte>> ReadAsync(HttpRequest request, long limit, CancellationToken cancellationToken) =>
        ReadAsync(request, limit, alignedOffset: 0, cancellationToken);

    /// <param name="request">The request whose body is read.</param>
    /// <param name="limit">The most bytes accepted.</param>
    /// <param name="alignedOffset">The body offset to align (the binary extension's JSON header length), or 0.</param>
    /// <param name="cancellationToken">The request's abort.</param>
    /// <exception cref="HttpStatusException">Too large (413), unsupported or corrupt encoding (415, 400), or cut short (400).</exception>
    public static async Task<ReadOnlyMemory<byte>> ReadAsync(HttpRequest request, long limit, int alignedOffset, CancellationToken cancellationToken) =>
        (await ReadAsync(request, limit, alignedOffset, mayRent: false, cancellationToken)).Memory;

    /// <summary>
    /// Reads the body as <see cref="ReadAsync(HttpRequest, long, int, CancellationToken)"/> does, into an array rented
    /// from the pool when it is large and its length is known: the caller disposes of the result once nothing
    /// reads the request any more, or detaches it when something may read it later.
    /// </summary>
    /// <param name="request">The request whose body is read.</param>
    /// <param name="limit">The most bytes accepted.</param>
    /// <param name="alignedOffset">The body offset to align (the binary extension's JSON header length), or 0.</param>
    /// <param name="cancellationToken">The request's abort.</param>
    /// <exception cref="HttpStatusException">Too large (413), unsupported or corrupt encoding (415, 400), or cut short (400).</exception>
    public static Task<RentedBody> ReadRentedAsync(HttpRequest request, long limit, int alignedOffset, CancellationToken cancellationToken) =>
        ReadAsync(request, limit, alignedOffset, mayRent: true, cancellationToken);

    private static async Task<RentedBody> ReadAsync(HttpRequest request, long limit, int alignedOffset, bool mayRent, CancellationToken cancellationToken)
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

        var lead = Lead(alignedOffset);
        var encoding = request.Headers.ContentEncoding.ToString();
        var decoded = Decode(request.Body, encoding);
        byte[]? rented = null;
        var read = false;
        try
        {
            RentedBody body;
            if (decoded == request.Body && request.ContentLength is { } length)
            {
                var array = mayRent && length >= RentedBody.MinimumLength
                    ? rented = ArrayPool<byte>.Shared.Rent(lead + (int)length)
                    : GC.AllocateUninitializedArray<byte>(lead + (int)length);
                body = new RentedBody(await ReadExactlyAsync(request.Body, array.AsMemory(lead, (int)length), cancellationToken), rented);
            }
            else
            {
                body = new RentedBody(await ReadToEndAsync(decoded, limit, lead, cancellationToken), rented: null);
            }

            read = true;
            return body;
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
            if (!read && rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }

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

    // The body starts `lead` bytes into the array (see Lead); every byte of `buffer` is read before it is used.
    private static async Task<ReadOnlyMemory<byte>> ReadExactlyAsync(Stream body, Memory<byte> buffer, CancellationToken cancellationToken)
    {
        var read = await body.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken);
        return read == buffer.Length
            ? buffer
            : throw new HttpStatusException(
                StatusCodes.Status400BadRequest, $"the request body ended after {read} of the {buffer.Length} bytes its Content-Length announced");
    }

    /// <summary>How far into its array a body (or gRPC message) starts so that <paramref name="alignedOffset"/> lands on <see cref="TensorAlignment"/>.</summary>
    internal static int Lead(long alignedOffset) => (int)((TensorAlignment - (alignedOffset % TensorAlignment)) % TensorAlignment);

    private static async Task<ReadOnlyMemory<byte>> ReadToEndAsync(Stream body, long limit, int lead, CancellationToken cancellationToken)
    {
        var buffer = GC.AllocateUninitializedArray<byte>((int)Math.Min(lead + InitialStreamingBuffer, lead + limit + 1));
        var end = lead;
        while (true)
        {
            if (end == buffer.Length)
            {
                if (end - lead > limit)
                {
                    throw TooLarge(limit);
                }

                var grown = GC.AllocateUninitializedArray<byte>((int)Math.Min(buffer.Length * 2L, lead + limit + 1));
                buffer.AsSpan(lead, end - lead).CopyTo(grown.AsSpan(lead));
                buffer = grown;
            }

            var read = await body.ReadAsync(buffer.AsMemory(end), cancellationToken);
            if (read == 0)
            {
                return end - lead > limit ? throw TooLarge(limit) : buffer.AsMemory(lead, end - lead);
            }

            end += read;
        }
    }
}

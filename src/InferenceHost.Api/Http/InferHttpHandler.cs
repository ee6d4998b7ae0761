using System.Globalization;
using InferenceHost.Abstractions.Inference;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace InferenceHost.Api.Http;

/// <summary>
/// <c>POST /v2/models/{m}[/versions/{v}]/infer</c>: reads the body within the limit, decodes
/// JSON or the binary tensor extension, runs the request and writes the response in the
/// shape the request asked for.
/// </summary>
internal sealed class InferHttpHandler(InferenceDispatcher dispatcher, IOptions<InferenceApiOptions> options)
{
    public const string HeaderLengthHeader = "Inference-Header-Content-Length";

    private const string BinaryContentType = "application/octet-stream";

    public async Task InferAsync(HttpContext context)
    {
        var (model, version) = V2Routes.Target(context);

        // An unknown model is a 404 whatever the body holds, as Triton answers it.
        var target = dispatcher.Resolve(model, version);
        var body = await HttpRequestBodyReader.ReadAsync(context.Request, options.Value.MaxRequestBodyBytes, context.RequestAborted);
        var request = JsonInferRequestReader.Read(body, HeaderLength(context.Request, body.Length));
        var response = await dispatcher.InferAsync(target, request.Request);
        await WriteAsync(context, response, request);
    }

    private static int? HeaderLength(HttpRequest request, int bodyLength)
    {
        if (!request.Headers.TryGetValue(HeaderLengthHeader, out var values))
        {
            return null;
        }

        var text = values.ToString();
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var length) && length <= bodyLength
            ? length
            : throw InferenceException.InvalidInput(
                $"{HeaderLengthHeader} '{text}' must be a byte count no larger than the body ({bodyLength} bytes)");
    }

    private static async Task WriteAsync(HttpContext context, InferenceResponse response, HttpInferRequest request)
    {
        var binary = new List<ReadOnlyMemory<byte>>();
        using var json = new PooledBufferWriter(4096);
        JsonInferResponseWriter.Write(json, response, request, binary);

        var http = context.Response;
        http.Headers[V2Routes.ModelVersionHeader] = response.ModelVersion;
        long length = json.WrittenCount;
        if (binary.Count == 0)
        {
            http.ContentType = JsonResponses.JsonContentType;
        }
        else
        {
            http.ContentType = BinaryContentType;
            http.Headers[HeaderLengthHeader] = json.WrittenCount.ToString(CultureInfo.InvariantCulture);
            foreach (var part in binary)
            {
                length += part.Length;
            }
        }

        http.ContentLength = length;
        await http.Body.WriteAsync(json.WrittenMemory, context.RequestAborted);
        foreach (var part in binary)
        {
            await http.Body.WriteAsync(part, context.RequestAborted);
        }
    }
}

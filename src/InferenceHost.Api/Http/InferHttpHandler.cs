using System.Globalization;
using InferenceHost.Abstractions.Inference;
using InferenceHost.Api.Routing;
using InferenceHost.Api.Tensors;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace InferenceHost.Api.Http;

/// <summary>
/// <c>POST /v2/models/{m}[/versions/{v}]/infer</c>: reads the body within the limit, decodes
/// JSON or the binary tensor extension, routes it (URL version, <c>x-inference-slot</c>,
/// <c>x-routing-key</c> or the routing parameter, else by weight), runs it and writes the
/// response in the shape the request asked for, with headers saying what served it and why.
/// </summary>
internal sealed class InferHttpHandler(InferenceDispatcher dispatcher, IOptions<InferenceApiOptions> options, IOptions<RoutingOptions> routing)
{
    public const string HeaderLengthHeader = "Inference-Header-Content-Length";

    private const string BinaryContentType = "application/octet-stream";

    public async Task InferAsync(HttpContext context)
    {
        var (model, version) = V2Routes.Target(context);

        // An unknown model is a 404 whatever the body holds, as Triton answers it.
        var table = await dispatcher.GetRouteTableAsync(model, version);
        // Not `using`: that would make the struct read-only, and Detach would change a copy.
        var body = await HttpRequestBodyReader.ReadRentedAsync(
            context.Request, options.Value.MaxRequestBodyBytes, BinaryStart(context.Request), context.RequestAborted);
        var rentals = TensorRentals.WorthwhileFor(body.Memory.Length) ? new TensorRentals() : null;
        try
        {
            var request = JsonInferRequestReader.Read(
                body.Memory, HeaderLength(context.Request, body.Memory.Length), routing.Value.StickyParameter, rentals);
            var route = dispatcher.Route(table, Hints(context.Request, version, request.RoutingKey));
            if (route.ShadowVersion is not null)
            {
                body.Detach();
                rentals?.Detach();
            }

            var response = await dispatcher.InferAsync(route, request.Request);
            await WriteAsync(context, response, request, route.Decision);
        }
        finally
        {
            body.Dispose();
            rentals?.Return();
        }
    }

    /// <summary>The <c>x-routing-key</c> header wins over the body's routing parameter.</summary>
    private static RouteHints Hints(HttpRequest request, string? version, string? parameterKey) => new(
        version,
        request.Headers.TryGetValue(RoutingHeaders.Slot, out var pinned) ? pinned.ToString() : null,
        request.Headers.TryGetValue(RoutingHeaders.RoutingKey, out var key) ? key.ToString() : parameterKey);

    /// <summary>Where the binary tensors begin, if the header says so: only a placement hint, checked by <see cref="HeaderLength"/>.</summary>
    private static int BinaryStart(HttpRequest request) =>
        request.Headers.TryGetValue(HeaderLengthHeader, out var values)
        && int.TryParse(values.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var length) ? length : 0;

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

    private static async Task WriteAsync(HttpContext context, InferenceResponse response, HttpInferRequest request, RouteDecision decision)
    {
        var binary = new List<ReadOnlyMemory<byte>>();
        using var json = new PooledBufferWriter(4096);
        JsonInferResponseWriter.Write(json, response, request, binary);

        var http = context.Response;
        http.Headers[V2Routes.ModelVersionHeader] = response.ModelVersion;
        http.Headers[RoutingHeaders.Slot] = decision.Slot;
        http.Headers[RoutingHeaders.Reason] = decision.Reason;
        http.Headers[RoutingHeaders.Revision] = NumberText.Of(decision.Revision);
        long length = json.WrittenCount;
        if (binary.Count == 0)
        {
            http.ContentType = JsonResponses.JsonContentType;
        }
        else
        {
            http.ContentType = BinaryContentType;
            http.Headers[HeaderLengthHeader] = NumberText.Of(json.WrittenCount);
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

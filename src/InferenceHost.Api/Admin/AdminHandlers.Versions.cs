using InferenceHost.Api.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace InferenceHost.Api.Admin;

/// <summary>Versions: upload (the ONNX file as the raw body), status across the cluster, and delete.</summary>
internal sealed partial class AdminHandlers
{
    /// <summary>The query parameter naming an upload's version id.</summary>
    public const string VersionParameter = "version";

    /// <summary>
    /// Streams the body into the repository's staging area (the model and version are checked first, so a doomed
    /// upload is refused before its bytes are read), then has the management grain validate and add it: 201 with
    /// the version's state on every silo, ready on this one.
    /// </summary>
    public async Task UploadVersionAsync(HttpContext context)
    {
        var request = context.Request;
        var model = Model(context);
        var version = UploadedVersion(request);
        var limit = options.Value.MaxUploadBytes;
        CheckUploadHeaders(request, limit);

        // Kestrel's own default (about 28.6 MiB) would cut model files short, and it is what stops a chunked body at the limit.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
        {
            sizeFeature.MaxRequestBodySize = limit;
        }

        string uploadId;
        try
        {
            uploadId = await uploads.StageAsync(model, version, request.Body, context.RequestAborted);
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            throw HttpRequestBodyReader.TooLarge(limit);
        }

        try
        {
            var status = await Management.UploadVersion(model, version, uploadId, authenticator.Principal);
            context.Response.Headers.Location = $"{AdminRoutes.Prefix}/models/{Uri.EscapeDataString(model)}/versions/{Uri.EscapeDataString(version)}";
            await JsonResponses.WriteAsync(context, StatusCodes.Status201Created, status, AdminJsonWriter.WriteVersion);
        }
        finally
        {
            uploads.Discard(uploadId);
        }
    }

    public async Task GetVersionAsync(HttpContext context)
    {
        var status = await Management.GetVersion(Model(context), Version(context));
        await JsonResponses.WriteAsync(context, StatusCodes.Status200OK, status, AdminJsonWriter.WriteVersion);
    }

    public async Task DeleteVersionAsync(HttpContext context)
    {
        await Management.DeleteVersion(Model(context), Version(context), authenticator.Principal);
        context.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    private static string Version(HttpContext context) => (string)context.Request.RouteValues["version"]!;

    private static string UploadedVersion(HttpRequest request) =>
        request.Query.TryGetValue(VersionParameter, out var version) && version.Count == 1 && !string.IsNullOrEmpty(version[0])
            ? version[0]!
            : throw BadRequest($"name the new version's id once in the query: POST {request.Path}?{VersionParameter}=<id>");

    private static void CheckUploadHeaders(HttpRequest request, long limit)
    {
        if (request.ContentType is { } contentType
            && !(MediaTypeHeaderValue.TryParse(contentType, out var media) && media.MediaType.Equals("application/octet-stream", StringComparison.OrdinalIgnoreCase)))
        {
            throw new HttpStatusException(StatusCodes.Status415UnsupportedMediaType, "the model file must be sent as application/octet-stream");
        }

        if (request.Headers.ContentEncoding.ToString() is { Length: > 0 } encoding && !encoding.Equals("identity", StringComparison.OrdinalIgnoreCase))
        {
            throw new HttpStatusException(StatusCodes.Status415UnsupportedMediaType, $"Content-Encoding '{encoding}' is not supported for model files; send them as they are");
        }

        if (request.ContentLength > limit)
        {
            throw HttpRequestBodyReader.TooLarge(limit);
        }

        if (request.ContentLength == 0)
        {
            throw BadRequest("the request body is empty; send the version's ONNX file");
        }
    }
}

using InferenceHost.Api.Http;
using Microsoft.AspNetCore.Http;

namespace InferenceHost.Api.Admin;

/// <summary>Serves the hand-written OpenAPI 3.1 document of <c>/admin/v1</c>, embedded in this assembly.</summary>
internal static class AdminOpenApi
{
    public const string ResourceName = "InferenceHost.Api.Admin.openapi.json";

    private static readonly Lazy<byte[]> Document = new(Load);

    public static async Task WriteAsync(HttpContext context)
    {
        var document = Document.Value;
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = JsonResponses.JsonContentType;
        response.ContentLength = document.Length;
        await response.Body.WriteAsync(document, context.RequestAborted);
    }

    public static byte[] Load()
    {
        using var stream = typeof(AdminOpenApi).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"the assembly lacks its embedded {ResourceName}");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}

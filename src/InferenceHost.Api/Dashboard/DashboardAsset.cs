using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace InferenceHost.Api.Dashboard;

/// <summary>One file of the dashboard, held in memory with the entity tag of its bytes.</summary>
internal sealed class DashboardAsset(string name, string contentType, byte[] content, EntityTagHeaderValue entityTag)
{
    /// <summary>
    /// Scripts, styles and data come only from this host, and the page may not be framed: the dashboard
    /// holds the admin token, so nothing else may run beside it or overlay its buttons.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; " +
        "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    public string Name { get; } = name;

    public string ContentType { get; } = contentType;

    public ReadOnlyMemory<byte> Content { get; } = content;

    /// <summary>A strong tag: a hash of the bytes, so a new build's file is fetched again and an unchanged one is not.</summary>
    public EntityTagHeaderValue EntityTag { get; } = entityTag;

    /// <summary>
    /// Sends the file, or 304 when the browser holds this very version. The names carry no hash, so browsers
    /// must ask each time (<c>no-cache</c>); the answer is mostly an empty 304.
    /// </summary>
    public async Task WriteAsync(HttpContext context)
    {
        var response = context.Response;
        var headers = response.Headers;
        headers.ETag = EntityTag.ToString();
        headers.CacheControl = "no-cache";
        headers.XContentTypeOptions = "nosniff";
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers["Referrer-Policy"] = "no-referrer";
        if (IsHeldBy(context.Request.Headers.IfNoneMatch))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = ContentType;
        response.ContentLength = Content.Length;
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await response.Body.WriteAsync(Content, context.RequestAborted);
        }
    }

    /// <summary>If-None-Match compares weakly (RFC 9110 13.1.2): a tag a proxy marked weak still names these bytes.</summary>
    private bool IsHeldBy(StringValues ifNoneMatch) =>
        EntityTagHeaderValue.TryParseList(ifNoneMatch, out var tags)
        && tags.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(EntityTag, useStrongComparison: false));
}

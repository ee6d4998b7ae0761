using System.Globalization;
using InferenceHost.Abstractions.Management;
using InferenceHost.Abstractions.Repository;
using InferenceHost.Abstractions.Routing;
using InferenceHost.Api.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace InferenceHost.Api.Admin;

/// <summary>
/// The <c>/admin/v1</c> operations, each one call to the management grain. Requests are checked
/// here (body, headers, query) only as far as HTTP goes; the grains judge ids and deployments.
/// </summary>
internal sealed partial class AdminHandlers(
    IGrainFactory grains, AdminAuthenticator authenticator, IVersionUploadStaging uploads, IOptions<AdminOptions> options)
{
    /// <summary>Audit entries returned when the request names no <c>limit</c>.</summary>
    public const int DefaultAuditLimit = 100;

    private IModelManagementGrain Management => grains.GetGrain<IModelManagementGrain>(IModelManagementGrain.DefaultKey);

    public async Task ListModelsAsync(HttpContext context)
    {
        var models = await Management.ListModels();
        await JsonResponses.WriteAsync(context, StatusCodes.Status200OK, models, AdminJsonWriter.WriteModels);
    }

    public async Task GetDeploymentAsync(HttpContext context) =>
        await WriteDeploymentAsync(context, await Management.GetDeployment(Model(context)));

    public async Task PutDeploymentAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.ContentType is { } contentType && !IsJson(contentType))
        {
            throw new HttpStatusException(StatusCodes.Status415UnsupportedMediaType, "the deployment must be sent as application/json");
        }

        var expectedRevision = ExpectedRevision(request.Headers.IfMatch);
        var body = await HttpRequestBodyReader.ReadAsync(request, AdminOptions.MaxRequestBodyBytes, context.RequestAborted);
        var desired = DeploymentJsonReader.Read(body);
        await WriteDeploymentAsync(context, await Management.Deploy(Model(context), desired, expectedRevision, authenticator.Principal));
    }

    public async Task SwitchAsync(HttpContext context) =>
        await WriteDeploymentAsync(context, await Management.Switch(Model(context), authenticator.Principal));

    public async Task RollbackAsync(HttpContext context) =>
        await WriteDeploymentAsync(context, await Management.Rollback(Model(context), authenticator.Principal));

    public async Task AuditAsync(HttpContext context)
    {
        var query = context.Request.Query;
        var limit = DefaultAuditLimit;
        if (query.TryGetValue("limit", out var text)
            && !int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out limit))
        {
            throw BadRequest($"limit must be an integer from 1 to {IModelManagementGrain.MaxAuditLimit}, not '{text}'");
        }

        var model = query.TryGetValue("model", out var named) ? named.ToString() : null;
        var entries = await Management.Audit(limit, model);
        await JsonResponses.WriteAsync(context, StatusCodes.Status200OK, entries, AdminJsonWriter.WriteAudit);
    }

    public static Task OpenApiAsync(HttpContext context) => AdminOpenApi.WriteAsync(context);

    public static Task NoEndpointAsync(HttpContext context) => JsonResponses.WriteErrorAsync(
        context, StatusCodes.Status404NotFound, $"no admin endpoint {context.Request.Method} {context.Request.Path}");

    /// <summary>The revision a strong entity tag names: the <c>ETag</c> this API sends is the revision in quotes.</summary>
    public static string EntityTag(long revision) => $"\"{revision.ToString(CultureInfo.InvariantCulture)}\"";

    private static Task WriteDeploymentAsync(HttpContext context, RouteTable table)
    {
        context.Response.Headers.ETag = EntityTag(table.Revision);
        return JsonResponses.WriteAsync(context, StatusCodes.Status200OK, table, AdminJsonWriter.WriteDeployment);
    }

    private static string Model(HttpContext context) => (string)context.Request.RouteValues["model"]!;

    private static bool IsJson(string contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var media)
        && (media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || media.Suffix.Equals("json", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// <c>If-Match</c> as a revision: absent or <c>*</c> asks for no check; <c>"3"</c> (or bare <c>3</c>,
    /// for hand-typed requests) applies the change only at revision 3.
    /// </summary>
    private static long? ExpectedRevision(StringValues ifMatch)
    {
        var text = ifMatch.ToString().Trim();
        if (text.Length == 0 || text == "*")
        {
            return null;
        }

        var unquoted = text is ['"', .. var inner, '"'] ? inner : text;
        return long.TryParse(unquoted, NumberStyles.None, CultureInfo.InvariantCulture, out var revision)
            ? revision
            : throw BadRequest($"If-Match must name one revision, as the ETag gives it (e.g. \"3\"), not {text}");
    }

    private static HttpStatusException BadRequest(string message) => new(StatusCodes.Status400BadRequest, message);
}

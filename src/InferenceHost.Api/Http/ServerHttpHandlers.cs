using InferenceHost.Abstractions.Models;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;

namespace InferenceHost.Api.Http;

/// <summary>Server health and metadata: <c>/v2/health/live</c>, <c>/v2/health/ready</c>, <c>/v2</c>.</summary>
internal sealed class ServerHttpHandlers(IModelDirectory directory, IHostApplicationLifetime lifetime, ServerInfo server)
{
    public static Task LiveAsync(HttpContext context) =>
        JsonResponses.WriteAsync(context, StatusCodes.Status200OK, 0, static (writer, _) =>
        {
            writer.WriteStartObject();
            writer.WriteBoolean("live"u8, true);
            writer.WriteEndObject();
        });

    public Task ReadyAsync(HttpContext context)
    {
        var ready = ServerReadiness.IsReady(directory, lifetime);
        return JsonResponses.WriteAsync(
            context,
            ready ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable,
            ready,
            static (writer, isReady) =>
            {
                writer.WriteStartObject();
                writer.WriteBoolean("ready"u8, isReady);
                writer.WriteEndObject();
            });
    }

    public Task MetadataAsync(HttpContext context) =>
        JsonResponses.WriteAsync(context, StatusCodes.Status200OK, server, static (writer, info) =>
        {
            writer.WriteStartObject();
            writer.WriteString("name"u8, info.Name);
            writer.WriteString("version"u8, info.Version);
            writer.WriteStartArray("extensions"u8);
            foreach (var extension in ServerInfo.Extensions)
            {
                writer.WriteStringValue(extension);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        });
}

using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace InferenceHost.Api.Http;

/// <summary>Sends JSON bodies composed in a pooled buffer, with their Content-Length.</summary>
internal static class JsonResponses
{
    public const string JsonContentType = "application/json";

    public static async Task WriteAsync<TState>(HttpContext context, int status, TState state, Action<Utf8JsonWriter, TState> write)
    {
        using var buffer = new PooledBufferWriter(512);
        using (var writer = new Utf8JsonWriter(buffer, JsonWriting.Options))
        {
            write(writer, state);
        }

        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = JsonContentType;
        response.ContentLength = buffer.WrittenCount;
        await response.Body.WriteAsync(buffer.WrittenMemory, context.RequestAborted);
    }

    /// <summary>Sends <c>{"error": message}</c>, the protocol's one error shape.</summary>
    public static Task WriteErrorAsync(HttpContext context, int status, string message) =>
        WriteAsync(context, status, message, static (writer, text) =>
        {
            writer.WriteStartObject();
            writer.WriteString("error"u8, text);
            writer.WriteEndObject();
        });
}

using System.Net;
using System.Text.Json;

namespace InferenceHost.Api.Tests.Hosting;

/// <summary>Assertions on v2 HTTP responses.</summary>
internal static class HttpAssert
{
    /// <summary>Asserts the status and that the body is exactly <c>{"error": message}</c>.</summary>
    public static async Task ErrorAsync(HttpResponseMessage response, HttpStatusCode status, string message)
    {
        Assert.Equal(message, await ErrorMessageAsync(response, status));
    }

    /// <summary>Asserts the status and an <c>{"error": ...}</c> body; returns the message, for texts only partly fixed.</summary>
    public static async Task<string> ErrorMessageAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {status}, got {response.StatusCode}: {body}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(body);
        return Assert.Single(json.RootElement.EnumerateObject(), p => p.Name == "error").Value.GetString()!;
    }

    public static async Task<JsonElement> OkJsonAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"expected OK, got {response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}

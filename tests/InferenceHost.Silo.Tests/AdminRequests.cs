using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Xunit;

namespace InferenceHost.Silo.Tests;

/// <summary>
/// <c>/admin/v1</c> calls as an operator's client makes them, with <see cref="AdminSettings.Token"/>.
/// The typed calls assert 200 (showing the body otherwise) and return the JSON answer.
/// </summary>
public static class AdminRequests
{
    public static Task<JsonElement> PutDeploymentAsync(this HttpClient http, string model, string deployment) =>
        OkJsonAsync(http, HttpMethod.Put, $"/admin/v1/models/{model}/deployment", deployment);

    public static Task<JsonElement> GetDeploymentAsync(this HttpClient http, string model) =>
        OkJsonAsync(http, HttpMethod.Get, $"/admin/v1/models/{model}/deployment");

    public static Task<JsonElement> SwitchAsync(this HttpClient http, string model) =>
        OkJsonAsync(http, HttpMethod.Post, $"/admin/v1/models/{model}/switch");

    public static Task<JsonElement> RollbackAsync(this HttpClient http, string model) =>
        OkJsonAsync(http, HttpMethod.Post, $"/admin/v1/models/{model}/rollback");

    /// <summary>The model's audit entries, oldest first.</summary>
    public static async Task<JsonElement> AuditAsync(this HttpClient http, string model) =>
        (await OkJsonAsync(http, HttpMethod.Get, $"/admin/v1/audit?model={model}")).GetProperty("entries");

    /// <summary>Any admin request, answered as it is.</summary>
    public static async Task<HttpResponseMessage> SendAdminAsync(this HttpClient http, HttpMethod method, string path, string? json = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", AdminSettings.Token);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        return await http.SendAsync(request);
    }

    /// <summary>Any admin request that must succeed: its JSON answer (the status and body in the failure otherwise).</summary>
    public static async Task<JsonElement> OkJsonAsync(this HttpClient http, HttpMethod method, string path, string? json = null)
    {
        using var response = await http.SendAdminAsync(method, path, json);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{method} {http.BaseAddress}{path.TrimStart('/')}: {(int)response.StatusCode} {body}");
        using var document = JsonDocument.Parse(body);
        return document.RootElement.Clone();
    }
}

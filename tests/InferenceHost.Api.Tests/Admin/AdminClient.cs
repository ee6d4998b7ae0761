using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using InferenceHost.Api.Tests.Hosting;

namespace InferenceHost.Api.Tests.Admin;

/// <summary>Requests to <c>/admin/v1</c> as an operator's client sends them: a bearer token (or none), JSON bodies.</summary>
public sealed class AdminClient(HttpClient http, string? token)
{
    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? json = null, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        return http.SendAsync(request);
    }

    public Task<HttpResponseMessage> PutDeploymentAsync(string model, string json, string? ifMatch = null) =>
        SendAsync(HttpMethod.Put, $"/admin/v1/models/{model}/deployment", json, ifMatch);

    public async Task<JsonElement> GetDeploymentAsync(string model) =>
        await HttpAssert.OkJsonAsync(await SendAsync(HttpMethod.Get, $"/admin/v1/models/{model}/deployment"));

    public async Task<JsonElement[]> AuditAsync(string model, int limit = 1000) =>
        [.. (await HttpAssert.OkJsonAsync(await SendAsync(HttpMethod.Get, $"/admin/v1/audit?model={model}&limit={limit}")))
            .GetProperty("entries").EnumerateArray()];
}

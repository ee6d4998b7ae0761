using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace InferenceHost.Cli.Admin;

/// <summary>The <c>/admin/v1</c> operations over HTTP, each one request with the bearer token.</summary>
internal sealed class AdminApiClient : IDisposable
{
    /// <summary>Long enough for a deployment whose versions are still warming up; an operator waits no longer.</summary>
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    private readonly HttpClient _http;

    public AdminApiClient(ConnectionSettings connection)
    {
        _http = new HttpClient { BaseAddress = connection.Url, Timeout = RequestTimeout };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", connection.Token);
    }

    public Task<AdminReply<ModelList>> ListModelsAsync() =>
        SendAsync(new HttpRequestMessage(HttpMethod.Get, "admin/v1/models"), AdminJsonContext.Default.ModelList);

    public Task<AdminReply<DeploymentView>> GetDeploymentAsync(string model) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Get, ModelPath(model, "deployment")), AdminJsonContext.Default.DeploymentView);

    /// <summary>Replaces the deployment; with <paramref name="expectedRevision"/> (<c>If-Match</c>) only at that revision, else the server answers 409.</summary>
    public Task<AdminReply<DeploymentView>> DeployAsync(string model, DesiredDeployment desired, long? expectedRevision)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, ModelPath(model, "deployment"))
        {
            Content = new StringContent(JsonSerializer.Serialize(desired, AdminJsonContext.Default.DesiredDeployment), Encoding.UTF8, "application/json"),
        };
        if (expectedRevision is { } revision)
        {
            request.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{revision.ToString(CultureInfo.InvariantCulture)}\""));
        }

        return SendAsync(request, AdminJsonContext.Default.DeploymentView);
    }

    /// <summary>A change the server works out itself: <paramref name="operation"/> is <c>switch</c> or <c>rollback</c>.</summary>
    public Task<AdminReply<DeploymentView>> PostAsync(string model, string operation) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Post, ModelPath(model, operation)), AdminJsonContext.Default.DeploymentView);

    public Task<AdminReply<AuditLog>> AuditAsync(string? model, int? limit)
    {
        var query = new List<string>();
        if (model is not null)
        {
            query.Add($"model={Uri.EscapeDataString(model)}");
        }

        if (limit is { } count)
        {
            query.Add($"limit={count.ToString(CultureInfo.InvariantCulture)}");
        }

        var path = query.Count == 0 ? "admin/v1/audit" : $"admin/v1/audit?{string.Join('&', query)}";
        return SendAsync(new HttpRequestMessage(HttpMethod.Get, path), AdminJsonContext.Default.AuditLog);
    }

    public void Dispose() => _http.Dispose();

    private static string ModelPath(string model, string operation) => $"admin/v1/models/{Uri.EscapeDataString(model)}/{operation}";

    /// <exception cref="AdminApiException">The server refused the request.</exception>
    /// <exception cref="CommandFailedException">The server could not be reached, or did not answer as InferenceHost does.</exception>
    private async Task<AdminReply<T>> SendAsync<T>(HttpRequestMessage request, JsonTypeInfo<T> type)
    {
        using var sent = request;
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(sent);
        }
        catch (HttpRequestException exception)
        {
            throw new CommandFailedException(
                $"cannot connect to InferenceHost at {_http.BaseAddress}: {(exception.InnerException ?? exception).Message} (is the host running? set --url or INFERENCEHOST_URL)",
                exception);
        }
        catch (TaskCanceledException exception)
        {
            throw new CommandFailedException($"InferenceHost at {_http.BaseAddress} did not answer within {RequestTimeout.TotalSeconds:0} seconds", exception);
        }

        using (response)
        {
            var json = await response.Content.ReadAsStringAsync();
            if (!response.IsSuccessStatusCode)
            {
                throw new AdminApiException((int)response.StatusCode, ErrorText(json) ?? response.ReasonPhrase ?? "request refused");
            }

            return Read(json, type) is { } body
                ? new AdminReply<T>(body, json)
                : throw new CommandFailedException($"{_http.BaseAddress} answered {request.RequestUri} with a body that is not the admin API's; is it an InferenceHost?");
        }
    }

    private static string? ErrorText(string json) => Read(json, AdminJsonContext.Default.ErrorBody)?.Error is { Length: > 0 } error ? error : null;

    private static T? Read<T>(string json, JsonTypeInfo<T> type)
    {
        try
        {
            return JsonSerializer.Deserialize(json, type);
        }
        catch (JsonException)
        {
            return default;
        }
    }
}

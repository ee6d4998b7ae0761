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

    private readonly CancellationToken _interrupted;

    /// <param name="connection">Where the host is, and its token.</param>
    /// <param name="interrupted">Ctrl+C: a request in flight is given up and <see cref="OperationCanceledException"/> thrown.</param>
    public AdminApiClient(ConnectionSettings connection, CancellationToken interrupted)
    {
        _interrupted = interrupted;
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

    /// <summary>Telemetry over <paramref name="window"/> (e.g. <c>5m</c>; null: the server's default).</summary>
    public Task<AdminReply<TelemetryView>> GetTelemetryAsync(string model, string? window) =>
        GetAsync(WithQuery(ModelPath(model, "telemetry"), ("window", window)), AdminJsonContext.Default.TelemetryView);

    /// <summary><paramref name="candidate"/> against <paramref name="baseline"/> over <paramref name="window"/> (null: the server's default).</summary>
    public Task<AdminReply<ComparisonView>> CompareVersionsAsync(string model, string candidate, string baseline, string? window) =>
        GetAsync(
            WithQuery(ModelPath(model, "compare"), ("candidate", candidate), ("baseline", baseline), ("window", window)),
            AdminJsonContext.Default.ComparisonView);

    public Task<AdminReply<PolicyView>> GetPolicyAsync(string model) =>
        GetAsync(ModelPath(model, "rollout-policy"), AdminJsonContext.Default.PolicyView);

    /// <summary>Sets the policy from its JSON as the operator wrote it; the server judges it and lists every problem.</summary>
    public Task<AdminReply<PolicyView>> SetPolicyAsync(string model, string policyJson) =>
        SendAsync(WithJson(HttpMethod.Put, ModelPath(model, "rollout-policy"), policyJson), AdminJsonContext.Default.PolicyView);

    /// <summary>Starts a rollout of <paramref name="candidate"/>, with <paramref name="policyJson"/> for this rollout only when given.</summary>
    /// <exception cref="CommandFailedException">The policy is not JSON.</exception>
    public Task<AdminReply<RolloutView>> StartRolloutAsync(string model, string candidate, string? policyJson)
    {
        using var body = new MemoryStream();
        using (var writer = new Utf8JsonWriter(body))
        {
            writer.WriteStartObject();
            writer.WriteString("candidate", candidate);
            if (policyJson is not null)
            {
                writer.WritePropertyName("policy");
                try
                {
                    writer.WriteRawValue(policyJson);
                }
                catch (JsonException exception)
                {
                    throw new CommandFailedException($"the policy is not JSON: {exception.Message}", exception);
                }
            }

            writer.WriteEndObject();
        }

        return SendAsync(WithJson(HttpMethod.Post, ModelPath(model, "rollouts"), Encoding.UTF8.GetString(body.ToArray())), AdminJsonContext.Default.RolloutView);
    }

    public Task<AdminReply<RolloutView>> GetRolloutAsync(string model) =>
        GetAsync(ModelPath(model, "rollout"), AdminJsonContext.Default.RolloutView);

    public Task<AdminReply<RolloutList>> ListRolloutsAsync(string model, int? limit) =>
        GetAsync(WithQuery(ModelPath(model, "rollouts"), ("limit", Number(limit))), AdminJsonContext.Default.RolloutList);

    /// <summary>The decisions of rollout <paramref name="number"/>, or of the latest when null.</summary>
    public Task<AdminReply<DecisionList>> GetDecisionsAsync(string model, long? number, int? limit)
    {
        var path = number is { } n ? ModelPath(model, $"rollouts/{Number(n)}/decisions") : ModelPath(model, "rollout/decisions");
        return GetAsync(WithQuery(path, ("limit", Number(limit))), AdminJsonContext.Default.DecisionList);
    }

    /// <summary>An operator's command to the running rollout: <c>pause</c>, <c>resume</c>, <c>abort</c>, <c>promote</c> or <c>rollback</c>.</summary>
    public Task<AdminReply<RolloutView>> ControlRolloutAsync(string model, string command, string? reason)
    {
        var path = ModelPath(model, $"rollout/{command}");
        var request = reason is null
            ? new HttpRequestMessage(HttpMethod.Post, path)
            : WithJson(HttpMethod.Post, path, JsonSerializer.Serialize(new ReasonBody(reason), AdminJsonContext.Default.ReasonBody));
        return SendAsync(request, AdminJsonContext.Default.RolloutView);
    }

    public void Dispose() => _http.Dispose();

    private static string ModelPath(string model, string operation) => $"admin/v1/models/{Uri.EscapeDataString(model)}/{operation}";

    private static string WithQuery(string path, params (string Name, string? Value)[] parameters)
    {
        var given = parameters.Where(p => p.Value is not null).Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value!)}").ToList();
        return given.Count == 0 ? path : $"{path}?{string.Join('&', given)}";
    }

    private static string? Number(long? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static HttpRequestMessage WithJson(HttpMethod method, string path, string json) =>
        new(method, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    private Task<AdminReply<T>> GetAsync<T>(string path, JsonTypeInfo<T> type) => SendAsync(new HttpRequestMessage(HttpMethod.Get, path), type);

    /// <exception cref="AdminApiException">The server refused the request.</exception>
    /// <exception cref="CommandFailedException">The server could not be reached, or did not answer as InferenceHost does.</exception>
    private async Task<AdminReply<T>> SendAsync<T>(HttpRequestMessage request, JsonTypeInfo<T> type)
    {
        using var sent = request;
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(sent, _interrupted);
        }
        catch (HttpRequestException exception)
        {
            throw new CommandFailedException(
                $"cannot connect to InferenceHost at {_http.BaseAddress}: {(exception.InnerException ?? exception).Message} (is the host running? set --url or INFERENCEHOST_URL)",
                exception);
        }
        catch (TaskCanceledException exception) when (!_interrupted.IsCancellationRequested)
        {
            throw new CommandFailedException($"InferenceHost at {_http.BaseAddress} did not answer within {RequestTimeout.TotalSeconds:0} seconds", exception);
        }

        using (response)
        {
            var json = await response.Content.ReadAsStringAsync(_interrupted);
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

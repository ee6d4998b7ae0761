using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;

namespace InferenceHost.Silo.Tests;

/// <summary>Version-less v2 inference requests, as a client that lets the host route sends them.</summary>
public static class InferRequests
{
    private const string OneFlower = """{"inputs":[{"name":"input","shape":[1,4],"datatype":"FP32","data":[5.1,3.5,1.4,0.2]}]}""";

    /// <summary>
    /// Infers one iris flower (or the request body <paramref name="request"/>) on <paramref name="model"/> without naming a version, pinned to
    /// <paramref name="slot"/> when given. A transport failure is a response with status 0, not an exception,
    /// so a request stream records it like any other failure.
    /// </summary>
    public static async Task<ServedResponse> InferAsync(this HttpClient http, string model, string? slot = null, string? request = null)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, new Uri($"/v2/models/{model}/infer", UriKind.Relative))
        {
            Content = new StringContent(request ?? OneFlower, Encoding.UTF8, "application/json"),
        };
        if (slot is not null)
        {
            message.Headers.Add("x-inference-slot", slot);
        }

        try
        {
            using var response = await http.SendAsync(message);
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return new ServedResponse(response.StatusCode, null, null, null, null, body);
            }

            var version = Header(response, "x-model-version");
            using var json = JsonDocument.Parse(body);
            var bodyVersion = json.RootElement.GetProperty("model_version").GetString();
            return bodyVersion == version
                ? new ServedResponse(
                    response.StatusCode,
                    version,
                    Header(response, "x-inference-slot"),
                    Header(response, "x-route-reason"),
                    Header(response, "x-route-revision") is { } revision ? long.Parse(revision, CultureInfo.InvariantCulture) : null,
                    null)
                : new ServedResponse(response.StatusCode, version, null, null, null, $"x-model-version {version} but model_version {bodyVersion}");
        }
        catch (HttpRequestException exception)
        {
            return new ServedResponse(0, null, null, null, null, exception.Message);
        }
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.Single() : null;
}

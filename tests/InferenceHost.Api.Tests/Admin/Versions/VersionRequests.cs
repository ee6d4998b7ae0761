using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using InferenceHost.ModelBuilder;
using InferenceHost.Tests.Common;

namespace InferenceHost.Api.Tests.Admin.Versions;

/// <summary>Requests the version tests send: uploads as an operator's client sends them, and inference on a version.</summary>
internal static class VersionRequests
{
    /// <summary>The bytes of a committed model file.</summary>
    public static byte[] SampleModel(string model, int version) =>
        File.ReadAllBytes(SampleModelWriter.ModelPath(RepositoryPaths.Models, model, version));

    public static Task<HttpResponseMessage> UploadAsync(
        HttpClient http, string? token, string model, string? version, byte[] body, string contentType = "application/octet-stream")
    {
        var query = version is null ? string.Empty : $"?version={Uri.EscapeDataString(version)}";
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/admin/v1/models/{model}/versions{query}", UriKind.Relative))
        {
            Content = new ByteArrayContent(body),
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return http.SendAsync(request);
    }

    /// <summary>One versicolor flower, whose label tells iris-mlp version 2 (virginica, 2) from versions 1 and 3 (versicolor, 1).</summary>
    public static Task<HttpResponseMessage> InferIrisAsync(HttpClient http, string version) =>
        http.PostAsync(
            new Uri($"/v2/models/{IrisMlpReference.ModelName}/versions/{version}/infer", UriKind.Relative),
            new StringContent("""{"inputs":[{"name":"input","shape":[1,4],"datatype":"FP32","data":[7.0,3.2,4.7,1.4]}]}""", Encoding.UTF8, "application/json"));

    /// <summary>The versions <c>GET /admin/v1/models</c> lists for <paramref name="model"/>.</summary>
    public static string[] ListedVersions(JsonElement models, string model) =>
        [.. models.GetProperty("models").EnumerateArray()
            .Single(m => m.GetProperty("name").GetString() == model)
            .GetProperty("versions").EnumerateArray().Select(v => v.GetProperty("version").GetString()!)];
}

using System.Net;

namespace InferenceHost.Api.Tests.Telemetry;

/// <summary>Scrapes a host's <c>/metrics</c> and parses it strictly.</summary>
internal static class MetricsScraper
{
    public static async Task<PrometheusText> ScrapeAsync(HttpClient http)
    {
        var response = await http.GetAsync(new Uri(InferenceApiEndpointRouteBuilderExtensions.MetricsPath, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"expected OK, got {response.StatusCode}: {body}");
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        return PrometheusText.Parse(body);
    }
}

using System.Text.Json;
using InferenceHost.Api.Admin;
using InferenceHost.Api.Tests.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace InferenceHost.Api.Tests.Admin;

/// <summary>The OpenAPI document describes exactly the routes the host maps under <c>/admin/v1</c>.</summary>
[Collection(AdminHostCollection.Name)]
public sealed class AdminOpenApiTests(AdminHostFixture host)
{
    [Fact]
    public async Task OpenApiDocument_IsServedAsOpenApi31()
    {
        var json = await HttpAssert.OkJsonAsync(await host.Admin.SendAsync(HttpMethod.Get, "/admin/v1/openapi.json"));

        Assert.Equal("3.1.0", json.GetProperty("openapi").GetString());
        Assert.Equal(JsonDocument.Parse(AdminOpenApi.Load()).RootElement.GetRawText(), json.GetRawText());
    }

    [Fact]
    public void OpenApiDocument_DescribesEveryMappedAdminOperationAndNoOther()
    {
        using var document = JsonDocument.Parse(AdminOpenApi.Load());
        var documented = document.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject()
                .Where(operation => operation.Name != "parameters")
                .Select(operation => $"{operation.Name.ToUpperInvariant()} {path.Name}"))
            .Order(StringComparer.Ordinal);

        var mapped = host.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.StartsWith(AdminRoutes.Prefix, StringComparison.Ordinal))
            .SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Select(m => $"{m} {e.RoutePattern.RawText}"))
            .Order(StringComparer.Ordinal);

        Assert.Equal(mapped, documented);
    }

    [Fact]
    public void OpenApiDocument_EveryReferenceResolves()
    {
        var text = System.Text.Encoding.UTF8.GetString(AdminOpenApi.Load());
        using var document = JsonDocument.Parse(text);
        var components = document.RootElement.GetProperty("components");

        foreach (var reference in System.Text.RegularExpressions.Regex.Matches(text, "\"\\$ref\": \"#/components/(\\w+)/(\\w+)\"").Select(m => m.Groups))
        {
            Assert.True(
                components.GetProperty(reference[1].Value).TryGetProperty(reference[2].Value, out _),
                $"unresolved reference #/components/{reference[1].Value}/{reference[2].Value}");
        }
    }
}

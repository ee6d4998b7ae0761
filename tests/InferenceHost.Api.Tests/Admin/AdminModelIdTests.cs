using System.Net;
using InferenceHost.Api.Tests.Hosting;

namespace InferenceHost.Api.Tests.Admin;

/// <summary>Model ids that could climb out of the repository or hide in a log never reach a grain key.</summary>
[Collection(AdminHostCollection.Name)]
public sealed class AdminModelIdTests(AdminHostFixture host)
{
    // Kestrel leaves an escaped '/' escaped, so the server sees (and refuses) the id as sent.
    [Theory]
    [InlineData("/admin/v1/models/..%2Fetc/deployment", "'..%2Fetc' is not a valid model id")]
    [InlineData("/admin/v1/models/..%5Cetc/deployment", "'..\\etc' is not a valid model id")]
    [InlineData("/admin/v1/models/iris%01mlp/deployment", "'iris?mlp' is not a valid model id")]
    [InlineData("/admin/v1/models/.hidden/switch", "'.hidden' is not a valid model id")]
    [InlineData("/admin/v1/models/iris%20mlp/rollback", "'iris mlp' is not a valid model id")]
    public async Task InvalidModelId_Answers400(string path, string expected)
    {
        var method = path.EndsWith("/deployment", StringComparison.Ordinal) ? HttpMethod.Get : HttpMethod.Post;

        var message = await HttpAssert.ErrorMessageAsync(await host.Admin.SendAsync(method, path), HttpStatusCode.BadRequest);

        Assert.StartsWith(expected, message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/admin/v1/models/../etc/deployment", "no admin endpoint GET /admin/v1/etc/deployment")]
    [InlineData("/admin/v1/models/%2E%2E/etc/deployment", "no admin endpoint GET /admin/v1/etc/deployment")]
    public async Task DotSegments_AreResolvedBeforeRouting_SoNoModelIsNamed(string path, string expected)
    {
        await HttpAssert.ErrorAsync(await host.Admin.SendAsync(HttpMethod.Get, path), HttpStatusCode.NotFound, expected);
    }
}

using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using InferenceHost.Api.Dashboard;

namespace InferenceHost.Api.Tests.Dashboard;

/// <summary><c>/dashboard</c> serves its embedded files to anyone, with their types and cache validators, and nothing else.</summary>
[Collection(DashboardHostCollection.Name)]
public sealed partial class DashboardEndpointTests(DashboardHostFixture host)
{
    private static readonly DashboardAssets Assets = DashboardAssets.Load(typeof(DashboardAssets).Assembly);

    public static TheoryData<string> AssetNames => [.. Assets.All.Select(static a => a.Name)];

    [Theory]
    [InlineData("/dashboard")]
    [InlineData("/dashboard/")]
    public async Task Dashboard_WithoutToken_ServesTheIndexPage(string path)
    {
        using var response = await host.Http.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Contains("<script type=\"module\" src=\"/dashboard/app.js\">", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(DashboardAsset.ContentSecurityPolicy, Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.True(response.Headers.CacheControl?.NoCache);
        Assert.NotNull(response.Headers.ETag);
    }

    [Theory]
    [MemberData(nameof(AssetNames))]
    public async Task Asset_IsServedWithItsContentTypeAndBytes(string name)
    {
        using var response = await host.Http.GetAsync(new Uri($"/dashboard/{name}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var asset = Assets.TryGet(name)!;
        Assert.Equal(asset.ContentType, response.Content.Headers.ContentType?.ToString());
        Assert.Equal(asset.Content.ToArray(), await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(asset.EntityTag.ToString(), response.Headers.ETag?.ToString());
    }

    [Theory]
    [InlineData("\"{0}\"")]
    [InlineData("W/\"{0}\"")]
    [InlineData("\"other\", \"{0}\"")]
    [InlineData("*")]
    public async Task Asset_RequestedWithItsEntityTag_Answers304WithoutBody(string ifNoneMatch)
    {
        var tag = Assets.TryGet("app.js")!.EntityTag.Tag.ToString().Trim('"');
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/dashboard/app.js", UriKind.Relative));
        request.Headers.TryAddWithoutValidation("If-None-Match", string.Format(System.Globalization.CultureInfo.InvariantCulture, ifNoneMatch, tag));

        using var response = await host.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Asset_RequestedWithAnOldEntityTag_IsSentAgain()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/dashboard/app.js", UriKind.Relative));
        request.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"an-older-build\""));

        using var response = await host.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Head_AnswersHeadersOnly()
    {
        using var response = await host.Http.SendAsync(new HttpRequestMessage(HttpMethod.Head, new Uri("/dashboard/dashboard.css", UriKind.Relative)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Assets.TryGet("dashboard.css")!.Content.Length, response.Content.Headers.ContentLength);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("/dashboard/missing.js")]
    [InlineData("/dashboard/App.js")]
    [InlineData("/dashboard/..%2Fappsettings.json")]
    [InlineData("/dashboard/assets/")]
    [InlineData("/dashboard/assets/app.js")]
    public async Task Dashboard_AnythingButItsFiles_Answers404(string path)
    {
        using var response = await host.Http.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Dashboard_ChangeMethods_AreNotServed()
    {
        using var response = await host.Http.PostAsync(new Uri("/dashboard/app.js", UriKind.Relative), new StringContent(""));

        Assert.Contains(response.StatusCode, (HttpStatusCode[])[HttpStatusCode.NotFound, HttpStatusCode.MethodNotAllowed]);
        Assert.Null(response.Headers.ETag);
    }

    /// <summary>A typo in an import would only show as a blank page in a browser; here it fails the build's tests.</summary>
    [Fact]
    public void Modules_ImportOnlyFilesTheDashboardServes()
    {
        var imports = Assets.All.Where(static a => a.Name.EndsWith(".js", StringComparison.Ordinal))
            .SelectMany(static a => ImportPattern().Matches(System.Text.Encoding.UTF8.GetString(a.Content.Span)).Select(m => (a.Name, Import: m.Groups[1].Value)))
            .ToList();

        Assert.NotEmpty(imports);
        Assert.All(imports, i => Assert.True(Assets.TryGet(i.Import) is not null, $"{i.Name} imports ./{i.Import}, which the dashboard does not serve"));
    }

    [GeneratedRegex(@"from '\./([^']+)'")]
    private static partial Regex ImportPattern();
}

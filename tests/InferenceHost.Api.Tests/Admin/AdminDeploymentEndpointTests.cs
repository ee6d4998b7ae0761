using System.Net;
using System.Text.Json;
using InferenceHost.Api.Admin;
using InferenceHost.Api.Tests.Hosting;

namespace InferenceHost.Api.Tests.Admin;

/// <summary>
/// Deployments through <c>/admin/v1</c> on the real host. Tests share the host and run one at a
/// time, so each reads the state it starts from and asserts what its own change did.
/// </summary>
[Collection(AdminHostCollection.Name)]
public sealed class AdminDeploymentEndpointTests(AdminHostFixture host)
{
    private const string Model = "iris-mlp";

    private const string BlueCanary = """
        {"active": "blue", "slots": {"blue": {"version": "1", "weight": 80}, "canary": {"version": "2", "weight": 20}}}
        """;

    private const string BlueWithGreenStandby = """
        {"active": "blue", "slots": {"blue": {"version": "1", "weight": 100}, "green": {"version": "2", "weight": 0}}}
        """;

    private AdminClient Admin => host.Admin;

    [Fact]
    public async Task ListModels_ListsEveryModelWithItsVersionsStatusAndRevision()
    {
        var json = await HttpAssert.OkJsonAsync(await Admin.SendAsync(HttpMethod.Get, "/admin/v1/models"));

        var models = json.GetProperty("models").EnumerateArray().ToDictionary(m => m.GetProperty("name").GetString()!);
        Assert.Contains("dtype-echo", models.Keys);
        var iris = models[Model];
        Assert.True(iris.GetProperty("revision").GetInt64() >= 0);
        Assert.Equal(
            """[{"version":"1","state":"READY","reason":""},{"version":"2","state":"READY","reason":""},{"version":"3","state":"READY","reason":""}]""",
            iris.GetProperty("versions").GetRawText());
    }

    [Fact]
    public async Task GetDeployment_NeverDeployed_IsRevisionZeroWithEverySlotEmpty()
    {
        var response = await Admin.SendAsync(HttpMethod.Get, "/admin/v1/models/dtype-echo/deployment");
        var json = await HttpAssert.OkJsonAsync(response);

        Assert.Equal("\"0\"", response.Headers.ETag?.Tag);
        Assert.Equal(
            """{"model":"dtype-echo","revision":0,"changed_at":null,"changed_by":null,"active":null,"standby":null,"slots":{"blue":null,"green":null,"canary":null},"shadow":null}""",
            json.GetRawText());
    }

    [Fact]
    public async Task PutDeployment_BlueCanarySplit_IsTheNextRevisionAndGetShowsIt()
    {
        var before = (await Admin.GetDeploymentAsync(Model)).GetProperty("revision").GetInt64();

        var response = await Admin.PutDeploymentAsync(Model, BlueCanary);
        var put = await HttpAssert.OkJsonAsync(response);

        var got = await Admin.GetDeploymentAsync(Model);
        Assert.Equal(put.GetRawText(), got.GetRawText());
        Assert.Equal($"\"{before + 1}\"", response.Headers.ETag?.Tag);
        Assert.Equal(before + 1, got.GetProperty("revision").GetInt64());
        Assert.Equal(AdminHostFixture.Principal, got.GetProperty("changed_by").GetString());
        Assert.True(DateTimeOffset.UtcNow - got.GetProperty("changed_at").GetDateTimeOffset() < TimeSpan.FromMinutes(1));
        Assert.Equal("blue", got.GetProperty("active").GetString());
        Assert.Equal("green", got.GetProperty("standby").GetString());
        Assert.Equal(
            """{"blue":{"version":"1","weight":80},"green":null,"canary":{"version":"2","weight":20}}""",
            got.GetProperty("slots").GetRawText());
        Assert.Equal(JsonValueKind.Null, got.GetProperty("shadow").ValueKind);
    }

    [Fact]
    public async Task PutDeployment_WithShadow_RoundTripsWhatGetReturns()
    {
        await Admin.PutDeploymentAsync(Model, """
            {"active": "green", "slots": {"green": {"version": "3", "weight": 100}}, "shadow": {"version": "1", "percent": 10}}
            """);
        var deployed = await Admin.GetDeploymentAsync(Model);

        // The document's active, slots and shadow are a PUT body as they stand.
        var body = $$"""{"active": {{deployed.GetProperty("active").GetRawText()}}, "slots": {{deployed.GetProperty("slots").GetRawText()}}, "shadow": {{deployed.GetProperty("shadow").GetRawText()}}}""";
        var again = await HttpAssert.OkJsonAsync(await Admin.PutDeploymentAsync(Model, body));

        Assert.Equal("""{"version":"1","percent":10}""", again.GetProperty("shadow").GetRawText());
        Assert.Equal(deployed.GetProperty("slots").GetRawText(), again.GetProperty("slots").GetRawText());
        Assert.Equal(deployed.GetProperty("revision").GetInt64() + 1, again.GetProperty("revision").GetInt64());
    }

    [Fact]
    public async Task PutDeployment_WeightsSumTo90_Answers400ListingEveryProblemAndChangesNothing()
    {
        await AssertRefusedAsync(
            """{"active": "green", "slots": {"blue": {"version": "1", "weight": 70}, "canary": {"version": "2", "weight": 20}}}""",
            HttpStatusCode.BadRequest,
            "invalid deployment: the active colour green has no version; weights must sum to 100, not 90");
    }

    [Fact]
    public async Task PutDeployment_VersionNotLoaded_Answers400AndChangesNothing()
    {
        await AssertRefusedAsync(
            """{"active": "blue", "slots": {"blue": {"version": "1", "weight": 80}, "canary": {"version": "9", "weight": 20}}}""",
            HttpStatusCode.BadRequest,
            "invalid deployment: canary version '9' of model 'iris-mlp' is not loaded and ready");
    }

    [Fact]
    public async Task PutDeployment_StaleIfMatch_Answers409AndChangesNothing()
    {
        var revision = (await Admin.GetDeploymentAsync(Model)).GetProperty("revision").GetInt64();

        await AssertRefusedAsync(
            BlueCanary,
            HttpStatusCode.Conflict,
            $"model 'iris-mlp' is at revision {revision}, not {revision + 5}; read it again and retry",
            ifMatch: $"\"{revision + 5}\"");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task PutDeployment_IfMatchOfTheCurrentETag_Applies(bool quoted)
    {
        var response = await Admin.SendAsync(HttpMethod.Get, $"/admin/v1/models/{Model}/deployment");
        var etag = response.Headers.ETag!.Tag;

        var put = await HttpAssert.OkJsonAsync(await Admin.PutDeploymentAsync(Model, BlueCanary, quoted ? etag : etag.Trim('"')));

        Assert.Equal(long.Parse(etag.Trim('"'), System.Globalization.CultureInfo.InvariantCulture) + 1, put.GetProperty("revision").GetInt64());
    }

    [Theory]
    [InlineData("""{"active": "blue", "slots": {"blue": {"version": "1", "weight": 100}}""", "malformed JSON at line 1")]
    [InlineData("""{"active": "blue", "slots": {"blue": {"version": "1", "weight": 100}}, "colour": "red"}""", "unknown field 'colour' (expected active, slots, shadow)")]
    [InlineData("""{"active": "blue", "slots": {"purple": {"version": "1", "weight": 100}}}""", "unknown field 'slots.purple' (expected blue, green, canary)")]
    [InlineData("""{"active": "blue", "slots": {"blue": {"version": 1, "weight": "100"}}}""", "'slots.blue.version' must be a string such as \"2\", not 1; 'slots.blue.weight' must be an integer from 0 to 100, not \"100\"")]
    [InlineData("""{"active": "canary", "active": "blue"}""", "field 'active' appears more than once")]
    [InlineData("""{"slots": {"blue": {"weight": 100}}}""", "'slots.blue.version' is missing")]
    [InlineData("[]", "the body must be a JSON object")]
    [InlineData("", "the request body is empty")]
    public async Task PutDeployment_NotADeploymentDocument_Answers400AndChangesNothing(string body, string expected)
    {
        var before = (await Admin.GetDeploymentAsync(Model)).GetRawText();

        var message = await HttpAssert.ErrorMessageAsync(await Admin.PutDeploymentAsync(Model, body), HttpStatusCode.BadRequest);

        Assert.Contains(expected, message, StringComparison.Ordinal);
        Assert.Equal(before, (await Admin.GetDeploymentAsync(Model)).GetRawText());
    }

    [Fact]
    public async Task PutDeployment_BodyOverTheAdminLimit_Answers413()
    {
        var padding = new string(' ', (int)AdminOptions.MaxRequestBodyBytes);

        await HttpAssert.ErrorAsync(
            await Admin.PutDeploymentAsync(Model, BlueCanary + padding),
            HttpStatusCode.RequestEntityTooLarge,
            $"the request body exceeds the limit of {AdminOptions.MaxRequestBodyBytes} bytes");
    }

    [Fact]
    public async Task PutDeployment_NotJson_Answers415()
    {
        var request = new HttpRequestMessage(HttpMethod.Put, new Uri($"/admin/v1/models/{Model}/deployment", UriKind.Relative))
        {
            Content = new StringContent(BlueCanary, System.Text.Encoding.UTF8, "text/plain"),
        };
        request.Headers.Authorization = new("Bearer", AdminHostFixture.Token);

        await HttpAssert.ErrorAsync(
            await host.Http.SendAsync(request), HttpStatusCode.UnsupportedMediaType, "the deployment must be sent as application/json");
    }

    [Fact]
    public async Task PutDeployment_UnknownModel_Answers404()
    {
        await HttpAssert.ErrorAsync(
            await Admin.PutDeploymentAsync("no-such-model", BlueCanary), HttpStatusCode.NotFound, "unknown model 'no-such-model'");
    }

    [Fact]
    public async Task SwitchThenRollback_MovesTrafficToStandbyAndBack()
    {
        var deployed = await HttpAssert.OkJsonAsync(await Admin.PutDeploymentAsync(Model, BlueWithGreenStandby));
        var revision = deployed.GetProperty("revision").GetInt64();

        var switched = await HttpAssert.OkJsonAsync(await Admin.SendAsync(HttpMethod.Post, $"/admin/v1/models/{Model}/switch"));

        Assert.Equal(revision + 1, switched.GetProperty("revision").GetInt64());
        Assert.Equal("green", switched.GetProperty("active").GetString());
        Assert.Equal("blue", switched.GetProperty("standby").GetString());
        Assert.Equal(
            """{"blue":{"version":"1","weight":0},"green":{"version":"2","weight":100},"canary":null}""",
            switched.GetProperty("slots").GetRawText());

        var rolledBack = await HttpAssert.OkJsonAsync(await Admin.SendAsync(HttpMethod.Post, $"/admin/v1/models/{Model}/rollback"));

        Assert.Equal(revision + 2, rolledBack.GetProperty("revision").GetInt64());
        Assert.Equal("blue", rolledBack.GetProperty("active").GetString());
        Assert.Equal(deployed.GetProperty("slots").GetRawText(), rolledBack.GetProperty("slots").GetRawText());
        Assert.Equal(rolledBack.GetRawText(), (await Admin.GetDeploymentAsync(Model)).GetRawText());
    }

    [Fact]
    public async Task Switch_StandbyColourEmpty_Answers409AndChangesNothing()
    {
        await Admin.PutDeploymentAsync(Model, BlueCanary);
        var before = (await Admin.GetDeploymentAsync(Model)).GetRawText();

        await HttpAssert.ErrorAsync(
            await Admin.SendAsync(HttpMethod.Post, $"/admin/v1/models/{Model}/switch"),
            HttpStatusCode.Conflict,
            "model 'iris-mlp' has no version on the standby colour green to switch to");
        Assert.Equal(before, (await Admin.GetDeploymentAsync(Model)).GetRawText());
    }

    [Fact]
    public async Task Rollback_NothingEverDeployed_Answers409()
    {
        await HttpAssert.ErrorAsync(
            await Admin.SendAsync(HttpMethod.Post, "/admin/v1/models/gather-lookup/rollback"),
            HttpStatusCode.Conflict,
            "model 'gather-lookup' has no earlier deployment to roll back to");
    }

    [Fact]
    public async Task Audit_RecordsDeploySwitchAndRollbackWithActorAndOldToNew()
    {
        var start = (await Admin.GetDeploymentAsync(Model)).GetProperty("revision").GetInt64();
        await HttpAssert.OkJsonAsync(await Admin.PutDeploymentAsync(Model, BlueWithGreenStandby));
        await HttpAssert.OkJsonAsync(await Admin.SendAsync(HttpMethod.Post, $"/admin/v1/models/{Model}/switch"));
        await HttpAssert.OkJsonAsync(await Admin.SendAsync(HttpMethod.Post, $"/admin/v1/models/{Model}/rollback"));

        var entries = await Admin.AuditAsync(Model, limit: 3);

        Assert.Equal(["deploy", "switch", "rollback"], entries.Select(e => e.GetProperty("action").GetString()));
        Assert.All(entries, e => Assert.Equal(AdminHostFixture.Principal, e.GetProperty("actor").GetString()));
        Assert.All(entries, e => Assert.Equal(Model, e.GetProperty("model").GetString()));
        Assert.StartsWith($"r{start} ", entries[0].GetProperty("before").GetString(), StringComparison.Ordinal);
        Assert.Equal($"r{start + 1} blue=1 100% (active), green=2 0%", entries[0].GetProperty("after").GetString());
        Assert.Equal($"r{start + 2} blue=1 0%, green=2 100% (active)", entries[1].GetProperty("after").GetString());
        Assert.Equal($"r{start + 3} blue=1 100% (active), green=2 0%", entries[2].GetProperty("after").GetString());
        for (var i = 1; i < entries.Length; i++)
        {
            Assert.Equal(entries[i - 1].GetProperty("after").GetString(), entries[i].GetProperty("before").GetString());
            Assert.True(entries[i].GetProperty("sequence").GetInt64() > entries[i - 1].GetProperty("sequence").GetInt64());
        }
    }

    [Theory]
    [InlineData("/admin/v1/audit?limit=0", "limit must be from 1 to 1000, not 0")]
    [InlineData("/admin/v1/audit?limit=lots", "limit must be an integer from 1 to 1000, not 'lots'")]
    [InlineData("/admin/v1/audit?model=..%2Fetc", "'../etc' is not a valid model id")]
    public async Task Audit_BadQuery_Answers400(string path, string expected)
    {
        var message = await HttpAssert.ErrorMessageAsync(await Admin.SendAsync(HttpMethod.Get, path), HttpStatusCode.BadRequest);

        Assert.StartsWith(expected, message, StringComparison.Ordinal);
    }

    private async Task AssertRefusedAsync(string body, HttpStatusCode status, string message, string? ifMatch = null)
    {
        var before = (await Admin.GetDeploymentAsync(Model)).GetRawText();
        var audited = (await Admin.AuditAsync(Model)).Length;

        await HttpAssert.ErrorAsync(await Admin.PutDeploymentAsync(Model, body, ifMatch), status, message);

        Assert.Equal(before, (await Admin.GetDeploymentAsync(Model)).GetRawText());
        Assert.Equal(audited, (await Admin.AuditAsync(Model)).Length);
    }
}

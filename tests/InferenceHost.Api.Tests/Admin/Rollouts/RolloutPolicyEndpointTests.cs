using System.Net;
using InferenceHost.Api.Admin;
using InferenceHost.Api.Tests.Hosting;

namespace InferenceHost.Api.Tests.Admin.Rollouts;

/// <summary><c>/admin/v1/models/{m}/rollout-policy</c> on the real host: refusals change nothing; a policy set is the one read.</summary>
[Collection(RolloutsHostCollection.Name)]
public sealed class RolloutPolicyEndpointTests(RolloutsHostFixture host)
{
    private const string Model = "dtype-echo";

    private const string Path = $"/admin/v1/models/{Model}/rollout-policy";

    private AdminClient Admin => host.Admin;

    [Fact]
    public async Task PutPolicy_ThenGet_ReadsBackTheFullPolicyWithDefaultsFilledIn()
    {
        var put = await HttpAssert.OkJsonAsync(await Admin.SendAsync(HttpMethod.Put, Path, """
            {"steps": [10, 50, 100], "step_interval": "90s", "gates": [{"metric": "error_rate", "threshold": 0.02}, {"metric": "accuracy", "threshold": 0.05}]}
            """));
        var got = await HttpAssert.OkJsonAsync(await Admin.SendAsync(HttpMethod.Get, Path));

        Assert.Equal(put.GetRawText(), got.GetRawText());
        Assert.Equal(
            """{"mode":"canary","shadow_percent":100,"steps":[10,50,100],"step_interval":"1m30s","step_min_requests":100,"evaluation_interval":"10s","max_duration":"1h","alpha":0.05,"beta":0.05,"gates":[{"metric":"error_rate","threshold":0.02},{"metric":"accuracy","threshold":0.05}]}""",
            got.GetRawText());

        // What GET shows is a PUT body as it stands.
        var again = await HttpAssert.OkJsonAsync(await Admin.SendAsync(HttpMethod.Put, Path, got.GetRawText()));
        Assert.Equal(got.GetRawText(), again.GetRawText());
    }

    [Fact]
    public async Task PutPolicy_BrokenRules_Answers400ListingEveryProblemAndChangesNothing()
    {
        await AssertRefusedAsync(
            """{"mode": "bluegreen", "shadow_percent": 0, "evaluation_interval": "10ms", "beta": 0}""",
            HttpStatusCode.BadRequest,
            "invalid rollout policy: blue/green rollouts compare on mirrored traffic: shadow percent must be above 0; evaluation interval must be 100 ms to 10 minutes, not 00:00:00.0100000; beta must be above 0 and at most 0.5, not 0");
    }

    [Fact]
    public async Task PutPolicy_UnknownField_Answers400AndChangesNothing()
    {
        await AssertRefusedAsync(
            """{"step": [5, 100]}""",
            HttpStatusCode.BadRequest,
            "invalid rollout policy: unknown field 'step' (expected mode, shadow_percent, steps, step_interval, step_min_requests, evaluation_interval, max_duration, alpha, beta, gates)");
    }

    [Fact]
    public async Task PutPolicy_MalformedJson_Answers400AndChangesNothing()
    {
        var before = await GetPolicyTextAsync();

        var message = await HttpAssert.ErrorMessageAsync(await Admin.SendAsync(HttpMethod.Put, Path, """{"steps": [5, """), HttpStatusCode.BadRequest);

        Assert.StartsWith("malformed JSON at line 1", message, StringComparison.Ordinal);
        Assert.Equal(before, await GetPolicyTextAsync());
    }

    [Fact]
    public async Task PutPolicy_MissingToken_Answers401AndChangesNothing()
    {
        var before = await GetPolicyTextAsync();

        var response = await host.AdminWithToken(null).SendAsync(HttpMethod.Put, Path, """{"steps": [100]}""");

        await HttpAssert.ErrorAsync(response, HttpStatusCode.Unauthorized, AdminGuard.MissingTokenMessage);
        Assert.Equal(before, await GetPolicyTextAsync());
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("PUT")]
    public async Task Policy_UnknownModel_Answers404(string method)
    {
        var response = await Admin.SendAsync(new HttpMethod(method), "/admin/v1/models/no-such-model/rollout-policy", "{}");

        await HttpAssert.ErrorAsync(response, HttpStatusCode.NotFound, "unknown model 'no-such-model'");
    }

    private async Task AssertRefusedAsync(string body, HttpStatusCode status, string message)
    {
        var before = await GetPolicyTextAsync();

        await HttpAssert.ErrorAsync(await Admin.SendAsync(HttpMethod.Put, Path, body), status, message);

        Assert.Equal(before, await GetPolicyTextAsync());
    }

    private async Task<string> GetPolicyTextAsync() =>
        (await HttpAssert.OkJsonAsync(await Admin.SendAsync(HttpMethod.Get, Path))).GetRawText();
}

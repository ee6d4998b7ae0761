using System.Net;
using System.Text;
using System.Text.Json;
using InferenceHost.Silo.Tests.Rollouts;
using Xunit;

namespace InferenceHost.Silo.Tests.Telemetry;

/// <summary>Ground truth posted for answered requests counts for exactly the version that answered each (issue 4).</summary>
public sealed class FeedbackAccuracyTests(EmbeddedAdminHostFixture host) : IClassFixture<EmbeddedAdminHostFixture>
{
    private const string Model = "iris-mlp";
    private const int Requests = 40;

    [Fact]
    public async Task Feedback_ForRequestsSplitBetweenTwoVersions_ChangesEachVersionsAccuracyByItsOwnAnswers()
    {
        await host.Http.PutDeploymentAsync(Model, """
            {"active": "blue", "slots": {"blue": {"version": "1", "weight": 50}, "canary": {"version": "2", "weight": 50}}}
            """);
        var servedBy = new Dictionary<string, string>();
        for (var n = 0; n < Requests; n++)
        {
            var id = $"feedback-{n}";
            var response = await host.Http.InferAsync(Model, request: IrisFlowers.Request(id));
            Assert.True(response.Succeeded, response.ToString());
            servedBy[id] = response.Version!;
        }

        // The truth is version 1's answer on every row: version 1 is always right, version 2 wrong where its virginica bias flips the class.
        var truth = IrisFlowers.Labels(1);
        foreach (var (id, version) in servedBy)
        {
            var receipt = await PostFeedbackAsync(id, truth);
            Assert.Equal(version, receipt.GetProperty("model_version").GetString());
        }

        var rows = IrisFlowers.Rows.Count;
        var versionTwoRight = truth.Zip(IrisFlowers.Labels(2)).Count(static p => p.First == p.Second);
        var slots = (await TelemetryAsync()).GetProperty("slots").EnumerateArray().ToList();
        var byVersion = slots
            .GroupBy(static s => s.GetProperty("version").GetString()!)
            .ToDictionary(static g => g.Key, static g => g.Sum(static s => s.GetProperty("labelled").GetInt64()));
        var servedByOne = servedBy.Values.Count(static v => v == "1");
        Assert.InRange(servedByOne, 1, Requests - 1);
        Assert.Equal(servedByOne * rows, byVersion["1"]);
        Assert.Equal((Requests - servedByOne) * rows, byVersion["2"]);
        Assert.Equal(0, byVersion.GetValueOrDefault("3"));
        Assert.Equal(1.0, Accuracy("1", "blue"));
        Assert.Equal((double)versionTwoRight / rows, Accuracy("2", "canary"), 9);
        Assert.InRange(versionTwoRight, 1, rows - 1);

        double Accuracy(string version, string slot) => slots
            .Single(s => s.GetProperty("version").GetString() == version && s.GetProperty("slot").GetString() == slot)
            .GetProperty("accuracy").GetDouble();
    }

    [Fact]
    public async Task Feedback_UnknownId_IsNotFoundAndCountsNothing()
    {
        var before = await TelemetryAsync();

        using var response = await host.Http.PostAsync(
            new Uri($"/v2/models/{Model}/feedback", UriKind.Relative),
            new StringContent("""{"id": "never-served", "label": 1}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("never-served", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(Labelled(before), Labelled(await TelemetryAsync()));
    }

    private static long Labelled(JsonElement telemetry) => telemetry.GetProperty("slots").EnumerateArray().Sum(static s => s.GetProperty("labelled").GetInt64());

    private async Task<JsonElement> PostFeedbackAsync(string id, long[] labels)
    {
        using var response = await host.Http.PostAsync(
            new Uri($"/v2/models/{Model}/feedback", UriKind.Relative),
            new StringContent(JsonSerializer.Serialize(new { id, labels }), Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private Task<JsonElement> TelemetryAsync() => host.Http.OkJsonAsync(HttpMethod.Get, $"/admin/v1/models/{Model}/telemetry?window=1h");
}

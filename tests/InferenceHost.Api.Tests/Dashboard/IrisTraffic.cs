using System.Globalization;
using System.Net;
using System.Text;
using InferenceHost.ModelBuilder;

namespace InferenceHost.Api.Tests.Dashboard;

/// <summary>
/// Real <c>iris-mlp</c> traffic for the dashboard to draw: clients sending one flower at a time without naming a
/// version, posting ground truth for every other answer (so accuracy has numbers), until stopped or a hard cap.
/// </summary>
internal sealed class IrisTraffic : IAsyncDisposable
{
    private const string Model = IrisMlpReference.ModelName;

    /// <summary>A setosa, a versicolor and a virginica: versions 1 and 3 label each the same.</summary>
    private static readonly float[][] Flowers = [[5.1f, 3.5f, 1.4f, 0.2f], [7.0f, 3.2f, 4.7f, 1.4f], [6.3f, 3.3f, 6.0f, 2.5f]];

    private static readonly TimeSpan Pace = TimeSpan.FromMilliseconds(15);

    private readonly CancellationTokenSource _stop;
    private readonly Task[] _clients;

    public IrisTraffic(HttpClient http, int clients, TimeSpan hardCap)
    {
        _stop = new CancellationTokenSource(hardCap);
        _clients = [.. Enumerable.Range(0, clients).Select(client => Task.Run(() => RunClientAsync(http, client)))];
    }

    /// <summary>Which version answered each of <paramref name="count"/> version-less requests, one after another.</summary>
    public static async Task<List<string>> ServedVersionsAsync(HttpClient http, int count)
    {
        var versions = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            using var response = await InferAsync(http, $"probe-{Guid.NewGuid():N}", Flowers[0], CancellationToken.None);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            versions.Add(response.Headers.GetValues("x-model-version").Single());
        }

        return versions;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await Task.WhenAll(_clients);
        }
        catch (OperationCanceledException)
        {
            // Stopping cancels the request in flight; nothing else is wrong.
        }

        _stop.Dispose();
    }

    private static Task<HttpResponseMessage> InferAsync(HttpClient http, string id, float[] flower, CancellationToken cancel)
    {
        var data = string.Join(',', flower.Select(static f => f.ToString("R", CultureInfo.InvariantCulture)));
        var body = $$"""{"id":"{{id}}","inputs":[{"name":"input","shape":[1,4],"datatype":"FP32","data":[{{data}}]}]}""";
        return http.PostAsync(new Uri($"/v2/models/{Model}/infer", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"), cancel);
    }

    private async Task RunClientAsync(HttpClient http, int client)
    {
        using var pace = new PeriodicTimer(Pace);
        for (var n = 0; await pace.WaitForNextTickAsync(_stop.Token); n++)
        {
            var id = $"dashboard-{client}-{n}";
            var flower = Flowers[n % Flowers.Length];
            using var answer = await InferAsync(http, id, flower, _stop.Token);
            if (answer.IsSuccessStatusCode && n % 2 == 0)
            {
                var label = IrisMlpReference.Predict(1, flower).Label;
                using var feedback = await http.PostAsync(
                    new Uri($"/v2/models/{Model}/feedback", UriKind.Relative),
                    new StringContent($$"""{"id":"{{id}}","label":{{label}}}""", Encoding.UTF8, "application/json"),
                    _stop.Token);
            }
        }
    }
}

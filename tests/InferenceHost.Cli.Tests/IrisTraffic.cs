using System.Text;

namespace InferenceHost.Cli.Tests;

/// <summary>
/// Clients sending iris-mlp inference requests back to back, without naming a version, until disposed or
/// a hard cap: the steady traffic a rollout needs to judge its candidate.
/// </summary>
public sealed class IrisTraffic : IAsyncDisposable
{
    /// <summary>
    /// Sixteen flowers, picked with the model builder's reference predictor: on the first eight version 2
    /// (biased to virginica) and versions 1 and 3 disagree, on the last eight all three agree. So version 3
    /// drifts away from version 2 and agrees with version 1.
    /// </summary>
    private const string Request = """
        {"inputs":[{"name":"input","shape":[16,4],"datatype":"FP32","data":[
        6,2.9,3.2,2.2, 6,2.9,3.7,2.2, 6,2.9,4,2, 6,2.9,4.3,1.6, 6,2.9,4.5,1.5, 6,2.9,4.7,1.2, 6,2.9,4.8,1.6, 6,2.9,5,1.2,
        6,2.9,3,0.8, 6,2.9,3.3,1.9, 6,2.9,3.8,1.2, 6,2.9,4.3,1.4, 6,2.9,5,1.7, 6,2.9,5.4,2.1, 6,2.9,5.8,1.7, 6,2.9,6.2,1.2]}]}
        """;

    private static readonly Uri Infer = new("/v2/models/iris-mlp/infer", UriKind.Relative);

    private readonly CancellationTokenSource _stop;

    private readonly Task[] _clients;

    public IrisTraffic(HttpClient http, int clients, TimeSpan hardCap)
    {
        _stop = new CancellationTokenSource(hardCap);
        _clients = [.. Enumerable.Range(0, clients).Select(_ => Task.Run(() => SendAsync(http)))];
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_clients);
        _stop.Dispose();
    }

    private async Task SendAsync(HttpClient http)
    {
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                using var content = new StringContent(Request, Encoding.UTF8, "application/json");
                using var response = await http.PostAsync(Infer, content, _stop.Token);
                response.EnsureSuccessStatusCode();
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                return;
            }
        }
    }
}

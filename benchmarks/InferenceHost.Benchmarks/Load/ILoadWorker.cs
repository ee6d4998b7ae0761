namespace InferenceHost.Benchmarks.Load;

/// <summary>Sends one request at a time for a closed loop; throws when a request fails.</summary>
internal interface ILoadWorker : IDisposable
{
    ValueTask SendAsync(CancellationToken cancellationToken);
}

namespace InferenceHost.Benchmarks.Hosting;

/// <summary>Reads what the server side of a target has spent so far, before and after each window.</summary>
internal interface IServerProbe
{
    Task<ServerSample> SampleAsync(CancellationToken cancellationToken);
}

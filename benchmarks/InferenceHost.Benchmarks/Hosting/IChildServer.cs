namespace InferenceHost.Benchmarks.Hosting;

/// <summary>A server the run started as one or more child processes; disposing it kills them.</summary>
internal interface IChildServer : IAsyncDisposable
{
    /// <summary>CPU time its processes have used so far, for the share of the machine the run itself took.</summary>
    TimeSpan CpuTime { get; }
}

using InferenceHost.Benchmarks.Hosting;

namespace InferenceHost.Benchmarks.Load;

/// <summary>A way of running one model that a closed loop can drive: raw ONNX Runtime or a host client.</summary>
internal interface ILoadTarget : IAsyncDisposable
{
    /// <summary>The mode name in the report, one of <see cref="Targets.TargetModes"/>.</summary>
    string Mode { get; }

    /// <summary>True when a request blocks its thread (in-process runs), so each worker gets its own thread.</summary>
    bool BlocksThread { get; }

    /// <summary>The server behind this target, sampled around each window; null for in-process runs.</summary>
    IServerProbe? Server { get; }

    /// <summary>False when the target may answer from another version (a split), so only the output's length is compared.</summary>
    bool ExpectsRawAnswer { get; }

    /// <summary>A worker owning whatever one in-flight request needs (buffers, request bodies).</summary>
    ILoadWorker CreateWorker();

    /// <summary>One untimed request whose FP32 output <paramref name="output"/> is decoded, to check the answers agree.</summary>
    Task<float[]> FetchOutputAsync(string output, CancellationToken cancellationToken);
}

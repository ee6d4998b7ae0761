using InferenceHost.Benchmarks.Hosting;
using InferenceHost.Benchmarks.Load;
using InferenceHost.Benchmarks.Workloads;
using Microsoft.ML.OnnxRuntime;

namespace InferenceHost.Benchmarks.Targets;

/// <summary>
/// The baseline: one in-process <see cref="InferenceSession"/>, configured as the host configures its
/// sessions (one intra-op thread, sequential, all graph optimizations), shared by all workers. For a
/// workload <see cref="ModelWorkload.OnCuda"/> the session runs on the CUDA provider, as the host's do
/// there, and every worker runs through an I/O binding of its own.
/// </summary>
internal sealed class RawOnnxTarget : ILoadTarget
{
    private readonly InferenceSession session;
    private readonly ModelWorkload workload;

    /// <exception cref="InvalidOperationException">The workload asks for CUDA and the provider does not load.</exception>
    public RawOnnxTarget(string modelPath, ModelWorkload workload)
    {
        using var options = new SessionOptions
        {
            IntraOpNumThreads = 1,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR,
        };
        if (workload.OnCuda && CudaDevice.TryAppend(options) is { } unusable)
        {
            throw new InvalidOperationException($"raw ONNX Runtime cannot use CUDA for {workload.Model}: {unusable}");
        }

        session = new InferenceSession(modelPath, options);
        this.workload = workload;
    }

    public string Mode => TargetModes.Raw;

    public bool BlocksThread => true;

    public IServerProbe? Server => null;

    public bool ExpectsRawAnswer => true;

    public ILoadWorker CreateWorker() => new RawOnnxWorker(session, workload);

    public Task<float[]> FetchOutputAsync(string output, CancellationToken cancellationToken)
    {
        using var worker = new RawOnnxWorker(session, workload);
        worker.Run();
        return Task.FromResult(worker.Fp32Output(output));
    }

    public ValueTask DisposeAsync()
    {
        session.Dispose();
        return ValueTask.CompletedTask;
    }
}

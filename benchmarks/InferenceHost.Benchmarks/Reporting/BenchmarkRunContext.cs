using InferenceHost.Benchmarks.Hosting;
using InferenceHost.Benchmarks.Targets;
using InferenceHost.Benchmarks.Workloads;

namespace InferenceHost.Benchmarks.Reporting;

/// <summary>How a comparison run was made, for the report's header.</summary>
/// <param name="Environment">Where and when it ran, the load, the command.</param>
/// <param name="Options">The run's options.</param>
/// <param name="Workloads">The models measured, in report order.</param>
/// <param name="NginxMeasured">False when <c>nginx</c> was not on PATH and its rows were skipped.</param>
/// <param name="ChartFileName">The chart the report links.</param>
/// <param name="Cuda">Whether ONNX Runtime's CUDA provider loaded in the benchmark process, and the GPU.</param>
/// <param name="HostDevice">Where the host ran the workload measured on CUDA (null when none was).</param>
internal sealed record BenchmarkRunContext(
    RunEnvironment Environment,
    BenchmarkOptions Options,
    IReadOnlyList<ModelWorkload> Workloads,
    bool NginxMeasured,
    string ChartFileName,
    CudaDevice Cuda,
    HostDevice? HostDevice);

using InferenceHost.Benchmarks.Workloads;

namespace InferenceHost.Benchmarks.Reporting;

/// <summary>How a comparison run was made, for the report's header.</summary>
internal sealed record BenchmarkRunContext(
    RunEnvironment Environment,
    BenchmarkOptions Options,
    IReadOnlyList<ModelWorkload> Workloads,
    bool NginxMeasured,
    string ChartFileName);

using InferenceHost.Benchmarks.Workloads;

namespace InferenceHost.Benchmarks.Reporting;

/// <summary>How a run was made, for the report's header.</summary>
internal sealed record BenchmarkRunContext(
    DateTimeOffset StartedAt,
    string LoadAtStart,
    string Contention,
    MachineInfo Machine,
    BenchmarkOptions Options,
    string Configuration,
    string Command,
    IReadOnlyList<ModelWorkload> Workloads,
    bool NginxMeasured,
    string ChartFileName);

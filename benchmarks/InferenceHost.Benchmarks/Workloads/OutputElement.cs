namespace InferenceHost.Benchmarks.Workloads;

/// <summary>Element types of the benchmarked outputs.</summary>
internal enum OutputElement
{
    Fp32,
    Int64,
}

using InferenceHost.Benchmarks.Load;

namespace InferenceHost.Benchmarks.Rounds;

/// <summary>
/// One measurement window; <paramref name="Position"/> orders the windows of a round's cell.
/// <paramref name="Server"/> is what the server side spent per request in it (null for raw);
/// <paramref name="BenchmarkCpuMicroseconds"/> is this process's CPU time per request: the load generator's
/// (for raw, the inference too).
/// </summary>
internal sealed record Measurement(
    int Round, string Model, int Concurrency, string Mode, int Position, WindowResult Result, ServerCost? Server, double BenchmarkCpuMicroseconds);

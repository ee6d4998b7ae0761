using InferenceHost.Benchmarks.Load;

namespace InferenceHost.Benchmarks.Rounds;

/// <summary>One measurement window; <paramref name="Position"/> orders the windows of a round's cell.</summary>
internal sealed record Measurement(int Round, string Model, int Concurrency, string Mode, int Position, WindowResult Result);

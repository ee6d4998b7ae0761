namespace InferenceHost.RolloutBenchmarks.Simulation;

/// <summary>
/// Counter-based randomness: every draw is a hash of (run, request, field), so a request's outcomes do
/// not depend on which policy is watching or which draws it consumed before. That is what makes every
/// policy see the same streams, request for request.
/// </summary>
internal readonly record struct StreamRandom(ulong Run)
{
    /// <summary>Uniform in [0, 1).</summary>
    public double Uniform(long request, int field) => (Mix(Run ^ Mix(((ulong)request << 8) | (uint)field)) >> 11) * (1.0 / (1UL << 53));

    /// <summary>Standard normal (Box–Muller, from two fields).</summary>
    public double Normal(long request, int field) =>
        Math.Sqrt(-2 * Math.Log(1 - Uniform(request, field))) * Math.Cos(2 * Math.PI * Uniform(request, field + 1));

    /// <summary>SplitMix64's finaliser: a bijection that scrambles every bit.</summary>
    private static ulong Mix(ulong z)
    {
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}

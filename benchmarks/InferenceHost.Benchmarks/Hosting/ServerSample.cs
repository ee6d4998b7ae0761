namespace InferenceHost.Benchmarks.Hosting;

/// <summary>Server CPU time and .NET bytes allocated so far (cumulative; windows subtract two samples).</summary>
internal readonly record struct ServerSample(TimeSpan Cpu, long AllocatedBytes)
{
    public static ServerSample operator +(ServerSample left, ServerSample right) =>
        new(left.Cpu + right.Cpu, left.AllocatedBytes + right.AllocatedBytes);
}

using InferenceHost.Benchmarks.Hosting;

namespace InferenceHost.Benchmarks.Rounds;

/// <summary>Server CPU time and .NET bytes allocated per request in one window.</summary>
internal readonly record struct ServerCost(double CpuMicroseconds, double AllocatedBytes)
{
    public static ServerCost PerRequest(ServerSample before, ServerSample after, long requests) => requests == 0
        ? new(double.NaN, double.NaN)
        : new((after.Cpu - before.Cpu).TotalMicroseconds / requests, (double)(after.AllocatedBytes - before.AllocatedBytes) / requests);
}

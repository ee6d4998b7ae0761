using System.Diagnostics;

namespace InferenceHost.Benchmarks.Reporting;

/// <summary>
/// Watches a run for its report's header: the load average before it starts servers, then the machine's CPU
/// counters around the measurements, so the report can say how much other processes took meanwhile.
/// </summary>
internal sealed class RunRecorder(string configuration, IReadOnlyList<string> arguments)
{
    private readonly DateTimeOffset startedAt = DateTimeOffset.UtcNow;
    private readonly string loadAtStart = MachineInfo.LoadAverage();
    private CpuSample measuringFrom;

    /// <param name="serversCpu">CPU time of every server the run started, so far.</param>
    public void BeginMeasuring(TimeSpan serversCpu) => measuringFrom = CpuSample.Take(OwnCpu(serversCpu));

    /// <param name="serversCpu">As for <see cref="BeginMeasuring"/>, now.</param>
    public RunEnvironment EndMeasuring(TimeSpan serversCpu)
    {
        var measuredTo = CpuSample.Take(OwnCpu(serversCpu));
        var machine = MachineInfo.Read();
        return new RunEnvironment(startedAt, loadAtStart, CpuSample.Describe(measuringFrom, measuredTo, machine.Cpus), machine, configuration, Command(machine));
    }

    private static TimeSpan OwnCpu(TimeSpan serversCpu)
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime + serversCpu;
    }

    private string Command(MachineInfo machine)
    {
        var pinned = machine.BenchmarkCpus == $"0-{machine.Cpus - 1}" ? string.Empty : $"taskset -c {machine.BenchmarkCpus} ";
        var rest = arguments.Count == 0 ? string.Empty : " -- " + string.Join(' ', arguments);
        return $"{pinned}dotnet run -c {configuration} --project benchmarks/InferenceHost.Benchmarks{rest}";
    }
}

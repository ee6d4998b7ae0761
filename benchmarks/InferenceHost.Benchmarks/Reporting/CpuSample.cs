using System.Diagnostics;
using System.Globalization;

namespace InferenceHost.Benchmarks.Reporting;

/// <summary>
/// The machine's CPU counters (<c>/proc/stat</c>, in clock ticks of 1/100 s) and this run's own CPU
/// time at one moment. Two samples tell how much of the machine other processes took meanwhile,
/// and how much the hypervisor stole: both slow either mode down, and neither shows otherwise.
/// </summary>
internal readonly record struct CpuSample(long BusyTicks, long StealTicks, long TotalTicks, TimeSpan OwnCpu, long Timestamp)
{
    private const double TicksPerSecond = 100;

    /// <param name="ownCpu">CPU time of this process and the host process so far.</param>
    public static CpuSample Take(TimeSpan ownCpu)
    {
        var fields = File.Exists("/proc/stat")
            ? File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
                .Take(8).Select(field => long.Parse(field, CultureInfo.InvariantCulture)).ToArray()
            : new long[8];

        // user nice system idle iowait irq softirq steal
        var busy = fields[0] + fields[1] + fields[2] + fields[5] + fields[6];
        return new CpuSample(busy, fields[7], fields.Sum(), ownCpu, Stopwatch.GetTimestamp());
    }

    /// <summary>E.g. "other processes 12% of 2 CPUs, steal 1%"; "unknown" without /proc/stat.</summary>
    public static string Describe(CpuSample start, CpuSample end, int cpus)
    {
        var total = end.TotalTicks - start.TotalTicks;
        if (total <= 0)
        {
            return "unknown";
        }

        var wall = Stopwatch.GetElapsedTime(start.Timestamp, end.Timestamp).TotalSeconds;
        var busy = (end.BusyTicks - start.BusyTicks) / TicksPerSecond;
        var others = Math.Max(0, busy - (end.OwnCpu - start.OwnCpu).TotalSeconds) / (wall * cpus);
        var steal = (double)(end.StealTicks - start.StealTicks) / total;
        return $"other processes {others * 100:F0}% of {cpus} CPUs, hypervisor steal {steal * 100:F0}%";
    }
}

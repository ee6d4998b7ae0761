using System.Diagnostics;
using InferenceHost.Benchmarks.Hosting;
using InferenceHost.Benchmarks.Reporting;
using InferenceHost.Benchmarks.Rounds;
using InferenceHost.Benchmarks.Targets;
using InferenceHost.Benchmarks.Workloads;

namespace InferenceHost.Benchmarks;

/// <summary>
/// One benchmark from start to report: starts the host, opens the raw sessions, checks that both
/// answer alike, measures, and renders the results.
/// </summary>
internal sealed class BenchmarkSession(BenchmarkOptions options, RepositoryLayout layout, TextWriter progress)
{
    public async Task<string> RunAsync(IReadOnlyList<ModelWorkload> workloads, CancellationToken cancellationToken)
    {
        layout.EnsureBuilt(workloads.Select(workload => workload.Model));
        var startedAt = DateTimeOffset.UtcNow;
        var loadAtStart = MachineInfo.LoadAverage();

        progress.WriteLine($"starting the host ({layout.SiloAssembly}){(options.ServerCpus is { } cpus ? $" on CPUs {cpus}" : string.Empty)}");
        await using var host = await HostProcess.StartAsync(layout.SiloAssembly, layout.ModelsDirectory, options.ServerCpus, cancellationToken);
        progress.WriteLine($"host ready: HTTP {host.Ports.Http}, gRPC {host.Ports.Grpc}");

        var models = workloads.Select(workload => ModelTargets.Create(workload, layout.ModelPath(workload.Model), host)).ToList();
        try
        {
            foreach (var model in models)
            {
                await model.EnsureHostAgreesWithRawAsync(cancellationToken);
            }

            progress.WriteLine("every host mode answers as raw ONNX Runtime does");
            var before = CpuSample.Take(OwnCpu(host));
            var measurements = await new BenchmarkRun(options, progress).RunAsync(models, cancellationToken);
            var after = CpuSample.Take(OwnCpu(host));
            var machine = MachineInfo.Read();
            var contention = CpuSample.Describe(before, after, machine.Cpus);
            var context = new BenchmarkRunContext(startedAt, loadAtStart, contention, machine, options, layout.Configuration, Command(machine), workloads);
            return MarkdownReport.Render(ResultSummarizer.Summarize(measurements), context);
        }
        finally
        {
            foreach (var model in models)
            {
                await model.DisposeAsync();
            }
        }
    }

    private static TimeSpan OwnCpu(HostProcess host)
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime + host.CpuTime;
    }

    private string Command(MachineInfo machine)
    {
        var pinned = machine.BenchmarkCpus == $"0-{machine.Cpus - 1}" ? string.Empty : $"taskset -c {machine.BenchmarkCpus} ";
        var arguments = options.Arguments.Count == 0 ? string.Empty : " -- " + string.Join(' ', options.Arguments);
        return $"{pinned}dotnet run -c {layout.Configuration} --project benchmarks/InferenceHost.Benchmarks{arguments}";
    }
}

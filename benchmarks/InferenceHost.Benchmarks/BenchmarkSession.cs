using InferenceHost.Benchmarks.Hosting;
using InferenceHost.Benchmarks.Reporting;
using InferenceHost.Benchmarks.Rounds;
using InferenceHost.Benchmarks.Targets;
using InferenceHost.Benchmarks.Workloads;

namespace InferenceHost.Benchmarks;

/// <summary>
/// One benchmark from start to report: starts the servers, opens the raw sessions, checks that all
/// answer alike, measures, and renders the results and the chart.
/// </summary>
internal sealed class BenchmarkSession(BenchmarkOptions options, RepositoryLayout layout, TextWriter progress)
{
    /// <param name="workloads">The models; the other servers are started only if one has a comparison concurrency.</param>
    /// <param name="cuda">Whether CUDA is usable here (the workloads <see cref="ModelWorkload.OnCuda"/> need it), for the report.</param>
    /// <param name="chartFileName">The chart's file name, as the Markdown links it.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    public async Task<BenchmarkReport> RunAsync(IReadOnlyList<ModelWorkload> workloads, CudaDevice cuda, string chartFileName, CancellationToken cancellationToken)
    {
        layout.EnsureBuilt(workloads.Select(workload => workload.Model));
        var recorder = new RunRecorder(layout.Configuration, options.Arguments);

        var compared = workloads.FirstOrDefault(workload => workload.ComparisonConcurrency is not null);
        await using var servers = await BenchmarkServers.StartAsync(layout, compared, options.ServerCpus, progress, cancellationToken);
        var models = workloads.Select(workload => ModelTargets.Create(workload, layout.ModelPath(workload.Model), servers)).ToList();
        try
        {
            foreach (var model in models)
            {
                await model.EnsureHostAgreesWithRawAsync(cancellationToken);
            }

            progress.WriteLine("every server answers as raw ONNX Runtime does");
            var hostDevice = await HostDeviceOfCudaWorkloadAsync(workloads, servers.Host, cancellationToken);
            recorder.BeginMeasuring(servers.CpuTime);
            var measurements = await new BenchmarkRun(options, progress).RunAsync(models, cancellationToken);
            var context = new BenchmarkRunContext(
                recorder.EndMeasuring(servers.CpuTime), options, workloads, servers.Nginx is not null, chartFileName, cuda, hostDevice);
            var rows = ResultSummarizer.Summarize(measurements, _ => TargetModes.Raw);
            return new BenchmarkReport(MarkdownReport.Render(rows, TargetTable.Compute(measurements, context), context), ThroughputChart.Render(rows, workloads));
        }
        finally
        {
            foreach (var model in models)
            {
                await model.DisposeAsync();
            }
        }
    }

    // The host picks its device by itself ("auto"): G1 is only valid if it picked the GPU too.
    private async Task<HostDevice?> HostDeviceOfCudaWorkloadAsync(IReadOnlyList<ModelWorkload> workloads, DotnetServer host, CancellationToken cancellationToken)
    {
        if (workloads.FirstOrDefault(workload => workload.OnCuda) is not { } onCuda)
        {
            return null;
        }

        var device = await HostDevice.FetchAsync(host, onCuda.Model, cancellationToken);
        progress.WriteLine($"raw ONNX Runtime runs {onCuda.Model} on CUDA; the host runs it on {device}");
        return device;
    }
}

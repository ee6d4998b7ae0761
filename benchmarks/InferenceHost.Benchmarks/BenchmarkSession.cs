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
    public async Task<BenchmarkReport> RunAsync(IReadOnlyList<ModelWorkload> workloads, string chartFileName, CancellationToken cancellationToken)
    {
        layout.EnsureBuilt(workloads.Select(workload => workload.Model));
        var recorder = new RunRecorder(layout.Configuration, options.Arguments);

        var compared = workloads.FirstOrDefault(workload => workload.ComparisonConcurrency is not null)?.Model ?? workloads[0].Model;
        await using var servers = await BenchmarkServers.StartAsync(layout, compared, options.ServerCpus, progress, cancellationToken);
        var models = workloads.Select(workload => ModelTargets.Create(workload, layout.ModelPath(workload.Model), servers)).ToList();
        try
        {
            foreach (var model in models)
            {
                await model.EnsureHostAgreesWithRawAsync(cancellationToken);
            }

            progress.WriteLine("every server answers as raw ONNX Runtime does");
            recorder.BeginMeasuring(servers.CpuTime);
            var measurements = await new BenchmarkRun(options, progress).RunAsync(models, cancellationToken);
            var context = new BenchmarkRunContext(recorder.EndMeasuring(servers.CpuTime), options, workloads, servers.Nginx is not null, chartFileName);
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
}

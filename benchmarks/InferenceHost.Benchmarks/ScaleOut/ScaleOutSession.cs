using InferenceHost.Benchmarks.Reporting;
using InferenceHost.Benchmarks.Targets;
using InferenceHost.Benchmarks.Workloads;

namespace InferenceHost.Benchmarks.ScaleOut;

/// <summary>
/// The scale-out scenario from start to report: Redis and clusters of 1, 2 and 3 silos, a check that every
/// silo answers as raw ONNX Runtime does, alternating rounds, and SCALEOUT.md.
/// </summary>
internal sealed class ScaleOutSession(BenchmarkOptions options, RepositoryLayout layout, TextWriter progress)
{
    public static IReadOnlyList<int> ClusterSizes { get; } = [1, 2, 3];

    /// <summary>The comparison cell's concurrency: enough in flight to keep every silo of the largest cluster busy.</summary>
    public const int Concurrency = 64;

    /// <returns>The report's Markdown.</returns>
    public async Task<string> RunAsync(CancellationToken cancellationToken)
    {
        var workload = ModelWorkloads.IrisMlp;
        layout.EnsureBuilt([workload.Model]);
        var recorder = new RunRecorder(layout.Configuration, options.Arguments);

        await using var servers = await ScaleOutServers.StartAsync(layout, workload.Model, ClusterSizes, options.ServerCpus, progress, cancellationToken);
        var cells = ScaleOutCell.All(workload, servers.Clusters);
        try
        {
            await using (var raw = new RawOnnxTarget(layout.ModelPath(workload.Model), workload))
            {
                var silos = cells.SelectMany(cell => cell.Clusters).SelectMany(cluster => cluster.Members);
                await AnswerCheck.EnsureAgreeWithRawAsync(workload, raw, silos, cancellationToken);
            }

            progress.WriteLine("every silo answers as raw ONNX Runtime does");
            recorder.BeginMeasuring(servers.CpuTime);
            var measurements = await new ScaleOutRun(options, progress).RunAsync(workload.Model, Concurrency, cells, cancellationToken);
            var environment = recorder.EndMeasuring(servers.CpuTime);
            return ScaleOutReport.Render(ScaleOutRow.Summarize(cells, measurements), environment, options, workload, Concurrency);
        }
        finally
        {
            foreach (var cell in cells)
            {
                await cell.DisposeAsync();
            }
        }
    }
}

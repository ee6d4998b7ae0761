using BenchmarkDotNet.Attributes;
using InferenceHost.Benchmarks.Targets;
using InferenceHost.Benchmarks.Workloads;
using InferenceHost.Inference;
using InferenceHost.Inference.Batching;
using InferenceHost.Inference.Catalog;
using InferenceHost.Inference.Execution;
using InferenceHost.Inference.Repository;
using InferenceHost.Inference.Tensors;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace InferenceHost.MicroBenchmarks.Batching;

/// <summary>
/// Concurrent callers, each running one-flower iris requests back to back on the committed iris-mlp
/// version 1, either straight through <see cref="LoadedModel.Run"/> or through a <see cref="DynamicBatcher"/>
/// set up as the end-to-end benchmark's batching host (200 µs, preferred 16 and 32). One operation is one
/// request: the time per op is the inverse of the throughput of all callers together.
/// </summary>
[MemoryDiagnoser]
public class DynamicBatcherBenchmarks
{
    // Every run makes the same number of requests, whatever the number of callers.
    private const int Requests = 4096;

    private static readonly DynamicBatchingConfig EndToEndBatching = new()
    {
        MaxQueueDelayMicroseconds = 200,
        PreferredBatchSize = [16, 32],
    };

    private LoadedModel? direct;
    private LoadedModel? batched;
    private TensorInput[] inputs = [];

    /// <summary>
    /// 64: the end-to-end benchmark's concurrency. 2: what reaches the batcher when each caller's request
    /// holds a non-reentrant grain activation, one per core, for as long as it waits in the queue.
    /// </summary>
    [Params(2, 64)]
    public int Callers { get; set; }

    private int RequestsPerCaller => Requests / Callers;

    private DynamicBatcher Batcher => batched!.Batcher!;

    [GlobalSetup]
    public void Setup()
    {
        var iris = ModelWorkloads.IrisMlp;
        inputs = [new TensorInput(iris.InputName, "FP32", iris.InputShape, FloatBytes.ToBytes(iris.Input))];
        var source = ModelRepositoryScanner.Scan(ModelsRoot()).Single(s => s.Model == iris.Model && s.Version == "1");
        var loader = new ModelLoader(new SessionFactory(Options.Create(new InferenceOptions()), NullLogger<SessionFactory>.Instance));
        direct = loader.Load(source);
        batched = loader.Load(source with { Config = source.Config with { DynamicBatching = EndToEndBatching } });
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        direct?.Dispose();
        batched?.Dispose();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Requests, Description = "LoadedModel.Run")]
    public Task Direct() => AllCallers(() =>
    {
        for (var i = 0; i < RequestsPerCaller; i++)
        {
            direct!.Run(inputs, []);
        }

        return Task.CompletedTask;
    });

    [Benchmark(OperationsPerInvoke = Requests, Description = "DynamicBatcher.RunAsync")]
    public Task Batched() => AllCallers(async () =>
    {
        for (var i = 0; i < RequestsPerCaller; i++)
        {
            await Batcher.RunAsync(inputs, []);
        }
    });

    private Task AllCallers(Func<Task> caller)
    {
        var callers = new Task[Callers];
        for (var c = 0; c < Callers; c++)
        {
            callers[c] = Task.Run(caller);
        }

        return Task.WhenAll(callers);
    }

    private static string ModelsRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "InferenceHost.sln")))
            {
                return Path.Combine(dir.FullName, "models");
            }
        }

        throw new InvalidOperationException($"No InferenceHost.sln above {AppContext.BaseDirectory}");
    }
}

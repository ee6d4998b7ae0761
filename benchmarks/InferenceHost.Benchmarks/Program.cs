using InferenceHost.Benchmarks;
using InferenceHost.Benchmarks.ScaleOut;
using InferenceHost.Benchmarks.Targets;
using InferenceHost.Benchmarks.Workloads;

BenchmarkOptions? options;
try
{
    options = BenchmarkOptions.Parse(args);
}
catch (ArgumentException exception)
{
    Console.Error.WriteLine($"{exception.Message}\n\n{BenchmarkOptions.Usage}");
    return 2;
}

if (options is null)
{
    Console.WriteLine(BenchmarkOptions.Usage);
    return 0;
}

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, press) =>
{
    press.Cancel = true;
    stop.Cancel();
};

var layout = RepositoryLayout.FromBuild();
if (options.Scenario == BenchmarkScenario.ScaleOut)
{
    var scaleOutPath = Path.GetFullPath(options.OutputPath ?? layout.DefaultScaleOutPath);
    var markdown = await new ScaleOutSession(options, layout, Console.Out).RunAsync(stop.Token);
    await File.WriteAllTextAsync(scaleOutPath, markdown);
    Console.WriteLine();
    Console.WriteLine(markdown);
    Console.WriteLine($"written to {scaleOutPath}");
    return 0;
}

var cuda = CudaDevice.Probe();
Console.WriteLine(cuda.Usable ? $"CUDA is usable (GPU: {cuda.Name}): ResNet18 runs on it" : $"CUDA is not usable: {cuda.UnusableReason}");
if (options.Scenario == BenchmarkScenario.Gpu && !cuda.Usable)
{
    Console.Error.WriteLine($"{BenchmarkOptions.GpuOnlyOption} needs ONNX Runtime's CUDA provider, and it is not usable here (GPU: {cuda.Name}); nothing was measured");
    return 3;
}

var path = Path.GetFullPath(options.OutputPath ?? (options.Scenario == BenchmarkScenario.Gpu ? layout.DefaultGpuPath : layout.DefaultResultsPath));
var chartPath = Path.ChangeExtension(path, ".svg");
var workloads = ModelWorkloads.For(options.Scenario, cuda.Usable);
var report = await new BenchmarkSession(options, layout, Console.Out).RunAsync(workloads, cuda, Path.GetFileName(chartPath), stop.Token);
await File.WriteAllTextAsync(path, report.Markdown);
await File.WriteAllTextAsync(chartPath, report.ChartSvg);
Console.WriteLine();
Console.WriteLine(report.Markdown);
Console.WriteLine($"written to {path} and {chartPath}");
return 0;

using InferenceHost.Benchmarks;
using InferenceHost.Benchmarks.ScaleOut;
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

var path = Path.GetFullPath(options.OutputPath ?? layout.DefaultResultsPath);
var chartPath = Path.ChangeExtension(path, ".svg");
var report = await new BenchmarkSession(options, layout, Console.Out).RunAsync(ModelWorkloads.All, Path.GetFileName(chartPath), stop.Token);
await File.WriteAllTextAsync(path, report.Markdown);
await File.WriteAllTextAsync(chartPath, report.ChartSvg);
Console.WriteLine();
Console.WriteLine(report.Markdown);
Console.WriteLine($"written to {path} and {chartPath}");
return 0;

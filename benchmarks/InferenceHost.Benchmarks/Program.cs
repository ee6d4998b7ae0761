using InferenceHost.Benchmarks;
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
var report = await new BenchmarkSession(options, layout, Console.Out).RunAsync(ModelWorkloads.All, stop.Token);
var path = options.OutputPath ?? layout.DefaultResultsPath;
await File.WriteAllTextAsync(path, report);
Console.WriteLine();
Console.WriteLine(report);
Console.WriteLine($"written to {path}");
return 0;

using System.Diagnostics;
using InferenceHost.Abstractions.Rollouts;
using InferenceHost.RolloutBenchmarks;
using InferenceHost.RolloutBenchmarks.Contenders;
using InferenceHost.RolloutBenchmarks.Reporting;
using InferenceHost.RolloutBenchmarks.Simulation;
using InferenceHost.Telemetry.Statistics;

var options = BenchmarkOptions.Parse(args);
if (options is null)
{
    Console.Error.WriteLine(BenchmarkOptions.Usage);
    return args.Contains("--help") ? 0 : 2;
}

const string Ours = "ours: default policy";
var policy = RolloutPolicyRules.Default;
IContender[] contenders =
[
    new EngineContender(Ours, policy, GateTest.AlwaysValid),
    new EngineContender("ours without shadow", policy with { ShadowPercent = 0 }, GateTest.AlwaysValid),
    new EngineContender("naive one-sided z-test each interval, α = 0.05", policy, new GateTest(FixedSampleBound.Instance, 0, SplitAlpha: false)),
    new FlaggerContender(),
];

var clock = Stopwatch.StartNew();
var requestsPerInterval = (int)(options.RequestsPerSecond * options.Interval.TotalSeconds);
var cells = new List<CellSummary>();
for (var s = 0; s < Scenario.All.Count; s++)
{
    var scenario = Scenario.All[s];
    foreach (var contender in contenders)
    {
        var runs = new RunOutcome[options.Seeds];
        var scenarioKey = (ulong)s << 32;
        Parallel.For(0, options.Seeds, seed =>
            runs[seed] = contender.Run(new TrafficSimulator(scenario, scenarioKey | (uint)seed, requestsPerInterval), options.Interval, options.Limit));
        cells.Add(new CellSummary(scenario, contender.Name, runs));
    }
}

var report = MarkdownReport.Render(cells, Ours, options, clock.Elapsed);
Console.Write(report);
await File.WriteAllTextAsync(options.Output, report);
return 0;

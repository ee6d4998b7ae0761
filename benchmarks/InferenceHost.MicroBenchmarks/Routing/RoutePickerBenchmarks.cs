using BenchmarkDotNet.Attributes;
using InferenceHost.Abstractions.Routing;
using InferenceHost.Api.Routing;

namespace InferenceHost.MicroBenchmarks.Routing;

/// <summary>
/// One routing decision per call on a 3-way split (blue 70, green 20, canary 10, blue active) with a
/// 10% shadow, drawing from the production random source. Target: at most 100 ns, 0 bytes.
/// </summary>
[MemoryDiagnoser]
public class RoutePickerBenchmarks
{
    private const string ModelName = "iris-mlp";

    private readonly IRandomSource random = new SharedRandomSource();
    private RouteTable table = RouteTable.Initial(ModelName);
    private RouteHints weighted;
    private RouteHints sticky;
    private RouteHints pinned;
    private RouteHints url;

    [GlobalSetup]
    public void Setup()
    {
        var deployment = new Deployment(
            Blue: new SlotAssignment("1", 70),
            Green: new SlotAssignment("2", 20),
            Canary: new SlotAssignment("3", 10),
            Active: ServingSlot.Blue,
            Shadow: new ShadowAssignment("4", 10));
        if (DeploymentRules.Check(deployment) is { Count: > 0 } problems)
        {
            throw new InvalidOperationException(string.Join("; ", problems));
        }

        table = new RouteTable(ModelName, 42, deployment, DateTimeOffset.UnixEpoch, "benchmark");
        weighted = new RouteHints(null, null, null);
        sticky = new RouteHints(null, null, "user-48213");
        pinned = new RouteHints(null, SlotNames.Green, null);
        url = new RouteHints("2", null, null);
    }

    [Benchmark(Description = "Pick: weighted draw")]
    public RouteDecision PickWeighted() => RoutePicker.Pick(table, weighted, random);

    [Benchmark(Description = "Pick: sticky key")]
    public RouteDecision PickSticky() => RoutePicker.Pick(table, sticky, random);

    [Benchmark(Description = "Pick: pinned slot")]
    public RouteDecision PickPinned() => RoutePicker.Pick(table, pinned, random);

    [Benchmark(Description = "Pick: URL version")]
    public RouteDecision PickUrl() => RoutePicker.Pick(table, url, random);

    [Benchmark(Description = "PickShadow")]
    public string? PickShadow() => RoutePicker.PickShadow(table.Deployment, "1", random);
}

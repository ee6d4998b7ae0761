using InferenceHost.Abstractions.Telemetry;
using InferenceHost.Telemetry.Publishing;

namespace InferenceHost.Telemetry.Tests.Recording;

public sealed class TelemetryDeltasTests
{
    private static readonly DateTimeOffset Start = new(2025, 1, 2, 3, 4, 5, TimeSpan.Zero);

    [Fact]
    public void Merge_SameSlot_AddsCountsAndTakesTheNewerTime()
    {
        var older = Delta(Start, [Slot("1", "blue", 2), Slot("2", "canary", 1)], Served("a"));
        var newer = Delta(Start.AddSeconds(1), [Slot("1", "blue", 3)], Served("b"));

        var merged = TelemetryDeltas.Merge(older, newer, maxServed: 10);

        Assert.Equal(Start.AddSeconds(1), merged.At);
        Assert.Equal([("1", "blue", 5L), ("2", "canary", 1L)], merged.Slots.Select(s => (s.Version, s.Slot, s.Counts.Requests)));
        Assert.Equal(["a", "b"], merged.Served.Select(s => s.Id));
    }

    [Fact]
    public void Merge_ServedBeyondTheBound_KeepsTheNewest()
    {
        var merged = TelemetryDeltas.Merge(Delta(Start, [], Served("a", "b")), Delta(Start, [], Served("c")), maxServed: 2);

        Assert.Equal(["b", "c"], merged.Served.Select(s => s.Id));
    }

    private static TelemetryDelta Delta(DateTimeOffset at, SlotTelemetry[] slots, ServedPrediction[] served) => new("silo", at, slots, served);

    private static SlotTelemetry Slot(string version, string slot, long requests) =>
        new(version, slot, VersionAggregate.Empty with { Requests = requests });

    private static ServedPrediction[] Served(params string[] ids) =>
        [.. ids.Select(id => new ServedPrediction(id, "1", "blue", OutputKind.Classifier, [0], Start))];
}

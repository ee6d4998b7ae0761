using InferenceHost.Telemetry.Recording;

namespace InferenceHost.Telemetry.Tests.Recording;

public sealed class TelemetryRecorderConcurrencyTests
{
    [Fact]
    public async Task Record_FromManyThreadsWhileTaking_SumsExactly()
    {
        const int Threads = 8;
        const int PerThread = 20_000;
        var recorder = new TelemetryRecorder(TimeProvider.System, servedCapacity: 1 << 20);
        var response = Tensors.Response(Tensors.Fp32("p", [2, 3], 0.7f, 0.2f, 0.1f, 0.1f, 0.1f, 0.8f));
        var request = Tensors.Request("same-id", 2);
        var taken = new List<Abstractions.Telemetry.VersionAggregate>();
        var served = 0;
        using var stop = new CancellationTokenSource();

        // Deltas are taken all along, as the flusher does: no count may be lost or taken twice.
        var taker = Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                Take(recorder, taken, ref served);
            }
        });
        var writers = Enumerable.Range(0, Threads).Select(t => Task.Run(() =>
        {
            for (var i = 0; i < PerThread; i++)
            {
                recorder.RecordAnswered("m", "1", "blue", TimeSpan.FromTicks(i % 50_000), request, response);
                recorder.RecordFailed("m", "1", "blue", RequestFailure.Timeout);
                recorder.RecordShadowPair("m", "2", response, response);
            }
        })).ToArray();
        await Task.WhenAll(writers);
        await stop.CancelAsync();
        await taker;
        Take(recorder, taken, ref served);

        var total = taken.Aggregate(Abstractions.Telemetry.VersionAggregate.Empty, (sum, next) => sum.Merge(next));
        const long Expected = (long)Threads * PerThread;
        Assert.Equal((2 * Expected, Expected, Expected), (total.Requests, total.Timeouts, total.Latency.Total));
        Assert.Equal((2 * Expected, Expected, Expected), (total.Outputs.Rows, total.Outputs.Classes.Counts[0], total.Outputs.Classes.Counts[1]));
        Assert.Equal(1.5 * Expected, total.Outputs.ConfidenceSum, 3);
        Assert.Equal((2 * Expected, 2 * Expected, 6 * Expected), (total.Agreement.Pairs, total.Agreement.Top1Agreements, total.Agreement.Elements));
        Assert.Equal(Expected, served);
        Assert.Equal(0, recorder.ServedDropped);
    }

    private static void Take(TelemetryRecorder recorder, List<Abstractions.Telemetry.VersionAggregate> taken, ref int served)
    {
        foreach (var delta in recorder.TakeDeltas("silo").Values)
        {
            taken.AddRange(delta.Slots.Select(s => s.Counts));
            served += delta.Served.Count;
        }
    }
}

using InferenceHost.Telemetry.Recording;

namespace InferenceHost.Telemetry.Tests.Recording;

public sealed class TelemetryRecorderAllocationTests
{
    [Fact]
    public void Record_AfterWarmUp_AllocatesNothingPerRequest()
    {
        const int Requests = 10_000;
        var recorder = new TelemetryRecorder(TimeProvider.System, servedCapacity: 64);
        var request = Tensors.Request("with-an-id", 2);
        var classifier = Tensors.Response(Tensors.Fp32("p", [2, 3], 0.7f, 0.2f, 0.1f, 0.1f, 0.1f, 0.8f), Tensors.Int64("label", [2], 0, 2));
        var regressor = Tensors.Response(Tensors.Fp16("y", [2, 4], 1, 2, 3, 4, 5, 6, 7, 8));
        var invalid = Tensors.Response(Tensors.Fp64("y", [2], 1, double.NaN));
        RecordAll(recorder, request, classifier, regressor, invalid, 10);

        var before = GC.GetAllocatedBytesForCurrentThread();
        RecordAll(recorder, request, classifier, regressor, invalid, Requests);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
    }

    private static void RecordAll(
        TelemetryRecorder recorder,
        Abstractions.Inference.InferenceRequest request,
        Abstractions.Inference.InferenceResponse classifier,
        Abstractions.Inference.InferenceResponse regressor,
        Abstractions.Inference.InferenceResponse invalid,
        int count)
    {
        for (var i = 0; i < count; i++)
        {
            recorder.RecordAnswered("m", "1", "blue", TimeSpan.FromMilliseconds(i % 100), request, classifier);
            recorder.RecordAnswered("m", "2", "canary", TimeSpan.FromMilliseconds(i % 100), request, regressor);
            recorder.RecordAnswered("m", "2", "canary", TimeSpan.FromMilliseconds(i % 100), request, invalid);
            recorder.RecordFailed("m", "1", "blue", RequestFailure.ModelFailure);
            recorder.RecordShadowPair("m", "3", classifier, classifier);
        }
    }
}

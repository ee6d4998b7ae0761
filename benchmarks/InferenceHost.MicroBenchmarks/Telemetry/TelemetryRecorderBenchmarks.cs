using BenchmarkDotNet.Attributes;
using InferenceHost.Abstractions.Inference;
using InferenceHost.Abstractions.Routing;
using InferenceHost.Benchmarks.Targets;
using InferenceHost.Benchmarks.Workloads;
using InferenceHost.Telemetry.Recording;

namespace InferenceHost.MicroBenchmarks.Telemetry;

/// <summary>
/// <see cref="TelemetryRecorder.RecordAnswered"/> for an iris answer (<c>probabilities</c> FP32 [1,3],
/// <c>label</c> INT64 [1]) on a slot already seen: without a request id, and with one, which also
/// journals the prediction for feedback. Target: 0 bytes.
/// </summary>
[MemoryDiagnoser]
public class TelemetryRecorderBenchmarks
{
    private const string Model = "iris-mlp";
    private const string Version = "1";

    private static readonly TimeSpan Elapsed = TimeSpan.FromMicroseconds(180);

    private TelemetryRecorder recorder = new(TimeProvider.System);
    private InferenceRequest anonymous = new(null, [], []);
    private InferenceRequest identified = new(null, [], []);
    private InferenceResponse response = new(Model, Version, null, []);

    [GlobalSetup]
    public void Setup()
    {
        var iris = ModelWorkloads.IrisMlp;
        var input = new InferenceTensor(iris.InputName, "FP32", iris.InputShape, FloatBytes.ToBytes(iris.Input));
        anonymous = new InferenceRequest(null, [input], []);
        identified = new InferenceRequest("request-0001", [input], []);
        response = new InferenceResponse(Model, Version, null,
        [
            new InferenceTensor("probabilities", "FP32", [1, 3], FloatBytes.ToBytes([0.97f, 0.02f, 0.01f])),
            new InferenceTensor("label", "INT64", [1], new byte[sizeof(long)]),
        ]);
        recorder = new TelemetryRecorder(TimeProvider.System);

        // The first answer on a slot makes its arrays; the request path pays that once per slot.
        recorder.RecordAnswered(Model, Version, SlotNames.Blue, Elapsed, anonymous, response);
    }

    [Benchmark(Description = "RecordAnswered: no id")]
    public void RecordAnswered() => recorder.RecordAnswered(Model, Version, SlotNames.Blue, Elapsed, anonymous, response);

    [Benchmark(Description = "RecordAnswered: with id")]
    public void RecordAnsweredWithId() => recorder.RecordAnswered(Model, Version, SlotNames.Blue, Elapsed, identified, response);

}

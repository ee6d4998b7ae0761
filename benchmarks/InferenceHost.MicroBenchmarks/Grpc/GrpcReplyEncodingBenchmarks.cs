using BenchmarkDotNet.Attributes;
using InferenceHost.Abstractions.Inference;
using InferenceHost.Api.Grpc;
using InferenceHost.Api.Routing;
using InferenceHost.Benchmarks.Targets;

namespace InferenceHost.MicroBenchmarks.Grpc;

/// <summary>
/// An iris answer (<c>probabilities</c> FP32 [1,3], <c>label</c> INT64 [1]) made into a <c>ModelInfer</c> reply
/// and written to the wire as gRPC's marshaller does, raw (as for a <c>raw_input_contents</c> request) or typed.
/// </summary>
[MemoryDiagnoser]
public class GrpcReplyEncodingBenchmarks
{
    private static readonly RouteDecision Served = new("1", RouteSlots.Default, RouteReasons.Url, 3);

    private readonly byte[] wire = new byte[1024];
    private InferenceResponse response = null!;

    [GlobalSetup]
    public void Setup() => response = new InferenceResponse(
        "iris-mlp",
        "1",
        null,
        [new("probabilities", "FP32", [1, 3], FloatBytes.ToBytes([0.9f, 0.08f, 0.02f])), new("label", "INT64", [1], BitConverter.GetBytes(0L))]);

    [Benchmark(Description = "gRPC reply, raw: encode + write")]
    public int Raw() => Write(GrpcInferCodec.Encode(response, requestUsedRaw: true, Served));

    [Benchmark(Description = "gRPC reply, typed: encode + write")]
    public int Typed() => Write(GrpcInferCodec.Encode(response, requestUsedRaw: false, Served));

    private int Write(GrpcInferReply reply)
    {
        var size = GrpcInferReplyWriter.Size(reply);
        GrpcInferReplyWriter.Write(reply, wire.AsSpan(0, size));
        return size;
    }
}

using System.Buffers;
using BenchmarkDotNet.Attributes;
using Google.Protobuf;
using InferenceHost.Abstractions.Inference;
using InferenceHost.Api.Grpc;
using InferenceHost.Api.Grpc.Protocol;
using InferenceHost.MicroBenchmarks.Inputs;

namespace InferenceHost.MicroBenchmarks.Grpc;

/// <summary>
/// A <c>ModelInfer</c> request decoded into an <see cref="InferenceRequest"/>: by the codec alone from a
/// parsed message, and from the wire bytes (protobuf parsing, as Grpc.AspNetCore does it, then the codec).
/// </summary>
[MemoryDiagnoser]
public class GrpcRequestDecodingBenchmarks
{
    private ModelInferRequest typed = new();
    private ModelInferRequest raw = new();
    private ReadOnlySequence<byte> typedWire;
    private ReadOnlySequence<byte> rawWire;

    /// <summary>Rows of the iris input: 1 (one flower) or 64 (the model's largest batch).</summary>
    [Params(1, 64)]
    public int Rows { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var workload = IrisBatch.Of(Rows);
        typed = GrpcRequests.Typed(workload);
        raw = GrpcRequests.Raw(workload);
        typedWire = new ReadOnlySequence<byte>(typed.ToByteArray());
        rawWire = new ReadOnlySequence<byte>(raw.ToByteArray());
    }

    [Benchmark(Description = "gRPC typed: codec")]
    public InferenceRequest TypedCodec() => GrpcInferCodec.Decode(typed, out _);

    [Benchmark(Description = "gRPC raw: codec")]
    public InferenceRequest RawCodec() => GrpcInferCodec.Decode(raw, out _);

    [Benchmark(Description = "gRPC typed: parse + codec")]
    public InferenceRequest TypedFromWire() => GrpcInferCodec.Decode(ModelInferRequest.Parser.ParseFrom(typedWire), out _);

    [Benchmark(Description = "gRPC raw: parse + codec")]
    public InferenceRequest RawFromWire() => GrpcInferCodec.Decode(ModelInferRequest.Parser.ParseFrom(rawWire), out _);
}

using System.Buffers;
using BenchmarkDotNet.Attributes;
using Google.Protobuf;
using InferenceHost.Abstractions.Inference;
using InferenceHost.Api.Grpc;
using InferenceHost.Api.Grpc.Protocol;
using InferenceHost.MicroBenchmarks.Inputs;

namespace InferenceHost.MicroBenchmarks.Grpc;

/// <summary>
/// A <c>ModelInfer</c> request read from its wire bytes as the server reads it (the hand-written
/// <see cref="GrpcInferRequestParser"/>, then the codec), its parse alone, and the generated
/// <c>ModelInferRequest.Parser</c> the server used before, for comparison.
/// </summary>
[MemoryDiagnoser]
public class GrpcRequestDecodingBenchmarks
{
    private GrpcInferRequest typed = null!;
    private GrpcInferRequest raw = null!;
    private ReadOnlySequence<byte> typedWire;
    private ReadOnlySequence<byte> rawWire;

    /// <summary>Rows of the iris input: 1 (one flower) or 64 (the model's largest batch).</summary>
    [Params(1, 64)]
    public int Rows { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var workload = IrisBatch.Of(Rows);
        typedWire = new ReadOnlySequence<byte>(GrpcRequests.Typed(workload).ToByteArray());
        rawWire = new ReadOnlySequence<byte>(GrpcRequests.Raw(workload).ToByteArray());
        typed = GrpcInferRequestParser.Parse(typedWire);
        raw = GrpcInferRequestParser.Parse(rawWire);
    }

    [Benchmark(Description = "gRPC typed: codec")]
    public InferenceRequest TypedCodec() => GrpcInferCodec.Decode(typed, out _);

    [Benchmark(Description = "gRPC raw: codec")]
    public InferenceRequest RawCodec() => GrpcInferCodec.Decode(raw, out _);

    [Benchmark(Description = "gRPC typed: parse + codec")]
    public InferenceRequest TypedFromWire() => GrpcInferCodec.Decode(GrpcInferRequestParser.Parse(typedWire), out _);

    [Benchmark(Description = "gRPC raw: parse + codec")]
    public InferenceRequest RawFromWire() => GrpcInferCodec.Decode(GrpcInferRequestParser.Parse(rawWire), out _);

    [Benchmark(Description = "gRPC typed: parse")]
    public object TypedParse() => GrpcInferRequestParser.Parse(typedWire);

    [Benchmark(Description = "gRPC raw: parse")]
    public object RawParse() => GrpcInferRequestParser.Parse(rawWire);

    [Benchmark(Description = "gRPC typed: generated parse")]
    public ModelInferRequest TypedGeneratedParse() => ModelInferRequest.Parser.ParseFrom(typedWire);

    [Benchmark(Description = "gRPC raw: generated parse")]
    public ModelInferRequest RawGeneratedParse() => ModelInferRequest.Parser.ParseFrom(rawWire);
}

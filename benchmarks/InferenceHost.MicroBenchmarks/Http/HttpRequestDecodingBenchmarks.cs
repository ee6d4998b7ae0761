using BenchmarkDotNet.Attributes;
using InferenceHost.Abstractions.Inference;
using InferenceHost.Api.Http;
using InferenceHost.Api.Routing;
using InferenceHost.MicroBenchmarks.Inputs;

namespace InferenceHost.MicroBenchmarks.Http;

/// <summary>
/// An HTTP inference body, already read into memory, decoded into an <see cref="InferenceRequest"/>:
/// JSON <c>data</c>, and the binary tensor extension (JSON header, then the raw input).
/// </summary>
[MemoryDiagnoser]
public class HttpRequestDecodingBenchmarks
{
    private static readonly string StickyParameter = new RoutingOptions().StickyParameter;

    private ReadOnlyMemory<byte> json;
    private ReadOnlyMemory<byte> binary;
    private int binaryHeaderLength;

    /// <summary>Rows of the iris input: 1 (one flower) or 64 (the model's largest batch).</summary>
    [Params(1, 64)]
    public int Rows { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var workload = IrisBatch.Of(Rows);
        json = HttpBodies.Json(workload);
        (var body, binaryHeaderLength) = HttpBodies.Binary(workload);
        binary = body;
    }

    [Benchmark(Description = "HTTP JSON")]
    public InferenceRequest Json() => JsonInferRequestReader.Read(json, null, StickyParameter).Request;

    [Benchmark(Description = "HTTP binary")]
    public InferenceRequest Binary() => JsonInferRequestReader.Read(binary, binaryHeaderLength, StickyParameter).Request;
}

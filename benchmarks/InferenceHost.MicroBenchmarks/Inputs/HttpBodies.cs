using System.Globalization;
using InferenceHost.Benchmarks.Targets;
using InferenceHost.Benchmarks.Workloads;

namespace InferenceHost.MicroBenchmarks.Inputs;

/// <summary>HTTP inference request bodies exactly as the end-to-end load generator's encodings send them.</summary>
internal static class HttpBodies
{
    private static readonly Uri InferUri = new("http://localhost/v2/models/iris-mlp/versions/1/infer");

    /// <summary>Plain v2 JSON: the input as a flat <c>data</c> array.</summary>
    public static byte[] Json(ModelWorkload workload)
    {
        using var request = new JsonInferEncoding(workload).CreateRequest(InferUri);
        return Body(request);
    }

    /// <summary>The binary tensor extension; returns the body and its JSON header's length.</summary>
    public static (byte[] Body, int HeaderLength) Binary(ModelWorkload workload)
    {
        using var request = new BinaryInferEncoding(workload).CreateRequest(InferUri);
        var headerLength = int.Parse(
            request.Headers.GetValues(BinaryInferEncoding.HeaderLengthHeader).Single(), CultureInfo.InvariantCulture);
        return (Body(request), headerLength);
    }

    // The content is an array already: reading it completes synchronously.
    private static byte[] Body(HttpRequestMessage request) => request.Content!.ReadAsByteArrayAsync().GetAwaiter().GetResult();
}

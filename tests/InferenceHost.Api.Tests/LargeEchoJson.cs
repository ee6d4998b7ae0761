using System.Globalization;
using System.Net.Http.Headers;
using System.Text;

namespace InferenceHost.Api.Tests;

/// <summary>
/// A dtype-echo request in JSON whose FP32 lane is large enough (24 KB decoded) for the host to decode it into a
/// pooled array; the model answers <c>fp32_out</c>, the lane doubled.
/// </summary>
internal static class LargeEchoJson
{
    public const int Length = 6_000;

    /// <summary>A lane of quarters, exact in JSON text and when doubled.</summary>
    public static float[] Lane(Random random)
    {
        lock (random)
        {
            return [.. Enumerable.Range(0, Length).Select(_ => random.Next(-4000, 4000) * 0.25f)];
        }
    }

    /// <summary>The request with <paramref name="lane"/> as <c>fp32</c>, one element in each other lane, asking for <c>fp32_out</c>.</summary>
    /// <param name="lane">The FP32 lane's data.</param>
    /// <param name="id">The request id, or none.</param>
    /// <param name="declaredLength">The FP32 lane's shape; by default the data's length.</param>
    public static StringContent Request(float[] lane, string? id = null, int? declaredLength = null)
    {
        var data = string.Join(',', lane.Select(v => v.ToString(CultureInfo.InvariantCulture)));
        var json = $$"""
            {"id":"{{id}}","inputs":[
              {"name":"fp32","shape":[{{declaredLength ?? lane.Length}}],"datatype":"FP32","data":[{{data}}]},
              {"name":"fp64","shape":[1],"datatype":"FP64","data":[1]},
              {"name":"int32","shape":[1],"datatype":"INT32","data":[1]},
              {"name":"int64","shape":[1],"datatype":"INT64","data":[1]},
              {"name":"bool","shape":[1],"datatype":"BOOL","data":[true]},
              {"name":"text","shape":[1],"datatype":"BYTES","data":["a"]}],
             "outputs":[{"name":"fp32_out"}]}
            """;
        return new StringContent(json, Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
    }
}

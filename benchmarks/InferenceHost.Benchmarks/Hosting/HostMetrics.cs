using System.Globalization;

namespace InferenceHost.Benchmarks.Hosting;

/// <summary>Reads the host's GC allocation counter from its Prometheus <c>/metrics</c> (the runtime instrumentation).</summary>
internal static class HostMetrics
{
    public const string AllocatedBytesSeries = "dotnet_gc_heap_total_allocated_bytes_total";

    /// <exception cref="InvalidOperationException">The scrape has no allocation counter.</exception>
    public static async Task<long> AllocatedBytesAsync(HttpClient client, CancellationToken cancellationToken)
    {
        var text = await client.GetStringAsync(new Uri("metrics", UriKind.Relative), cancellationToken);
        foreach (var line in text.Split('\n'))
        {
            if (line.StartsWith(AllocatedBytesSeries, StringComparison.Ordinal) && line.Length > AllocatedBytesSeries.Length && line[AllocatedBytesSeries.Length] is ' ' or '{')
            {
                var value = line[(line.LastIndexOf('}') + 1)..].Trim().Split(' ')[0];
                return (long)double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture);
            }
        }

        throw new InvalidOperationException($"the host's /metrics has no {AllocatedBytesSeries}");
    }
}

using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace InferenceHost.Api.Routing;

/// <summary>
/// This silo's latest shadow pairs per model, at most <see cref="RoutingOptions.ShadowPairCapacity"/>
/// each (older ones are overwritten). Each silo keeps the pairs of the requests it served.
/// </summary>
public sealed class ShadowPairLog(IOptions<RoutingOptions> options)
{
    private readonly ConcurrentDictionary<string, ShadowPairRing> _rings = new(StringComparer.Ordinal);

    public void Add(ShadowPair pair) =>
        _rings.GetOrAdd(pair.Model, static (_, capacity) => new ShadowPairRing(capacity), options.Value.ShadowPairCapacity).Add(pair);

    /// <summary>The latest pairs of <paramref name="model"/>, newest first, at most <paramref name="count"/>; empty when none.</summary>
    public IReadOnlyList<ShadowPair> Latest(string model, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return _rings.TryGetValue(model, out var ring) ? ring.Latest(count) : [];
    }

    /// <summary>How many pairs of <paramref name="model"/> were ever recorded here, including those overwritten.</summary>
    public long Recorded(string model) => _rings.TryGetValue(model, out var ring) ? ring.Recorded : 0;
}

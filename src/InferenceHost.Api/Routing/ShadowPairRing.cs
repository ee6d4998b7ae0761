namespace InferenceHost.Api.Routing;

/// <summary>A fixed-size ring of one model's latest pairs. Writers are shadow completions, never the response path, so a lock is cheap here.</summary>
internal sealed class ShadowPairRing(int capacity)
{
    private readonly ShadowPair[] _pairs = new ShadowPair[capacity];
    private readonly Lock _lock = new();
    private long _recorded;

    public long Recorded
    {
        get
        {
            lock (_lock)
            {
                return _recorded;
            }
        }
    }

    public void Add(ShadowPair pair)
    {
        lock (_lock)
        {
            _pairs[_recorded % _pairs.Length] = pair;
            _recorded++;
        }
    }

    public ShadowPair[] Latest(int count)
    {
        lock (_lock)
        {
            var latest = new ShadowPair[(int)Math.Min(Math.Min(count, _pairs.Length), _recorded)];
            for (var i = 0; i < latest.Length; i++)
            {
                latest[i] = _pairs[(_recorded - 1 - i) % _pairs.Length];
            }

            return latest;
        }
    }
}

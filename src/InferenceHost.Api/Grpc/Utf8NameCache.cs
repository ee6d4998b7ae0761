using System.Text;

namespace InferenceHost.Api.Grpc;

/// <summary>
/// The names a client repeats on every call (model, version, tensor names), decoded once: a small table of the
/// strings last seen, found by a hash of their UTF-8 bytes and checked byte for byte, so a hit allocates nothing.
/// Bounded (one name per slot, names up to 64 bytes): a client sending ever-new names only replaces entries.
/// </summary>
internal static class Utf8NameCache
{
    private const int Slots = 256;
    private const int MaxCachedLength = 64;

    private static readonly Entry?[] Entries = new Entry?[Slots];

    /// <summary>The text of <paramref name="utf8"/>, which the caller has checked is valid UTF-8.</summary>
    public static string Get(ReadOnlySpan<byte> utf8)
    {
        if (utf8.IsEmpty)
        {
            return string.Empty;
        }

        if (utf8.Length > MaxCachedLength)
        {
            return Encoding.UTF8.GetString(utf8);
        }

        var hash = default(HashCode);
        hash.AddBytes(utf8);
        ref var slot = ref Entries[hash.ToHashCode() & (Slots - 1)];
        if (Volatile.Read(ref slot) is { } entry && utf8.SequenceEqual(entry.Utf8))
        {
            return entry.Text;
        }

        var text = Encoding.UTF8.GetString(utf8);
        Volatile.Write(ref slot, new Entry(utf8.ToArray(), text));
        return text;
    }

    private sealed record Entry(byte[] Utf8, string Text);
}

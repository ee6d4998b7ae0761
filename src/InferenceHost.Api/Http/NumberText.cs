using System.Globalization;

namespace InferenceHost.Api.Http;

/// <summary>
/// Invariant text of the numbers response headers and trailers repeat on every request (route revisions, the
/// binary extension's JSON header length), cached so that formatting one allocates only the first time.
/// </summary>
/// <remarks>
/// A small direct-mapped cache: a value owns the slot of its low bits, and a miss replaces the slot's entry.
/// Entries are immutable and swapped whole, so racing requests at worst format a number twice.
/// </remarks>
internal static class NumberText
{
    private const int Slots = 256;

    private static readonly Entry?[] Cache = new Entry?[Slots];

    public static string Of(long value)
    {
        ref var slot = ref Cache[(int)((ulong)value % Slots)];
        var entry = Volatile.Read(ref slot);
        if (entry is null || entry.Value != value)
        {
            entry = new Entry(value, value.ToString(CultureInfo.InvariantCulture));
            Volatile.Write(ref slot, entry);
        }

        return entry.Text;
    }

    private sealed record Entry(long Value, string Text);
}

using System.Runtime.InteropServices;

namespace InferenceHost.Api.Tests;

/// <summary>Expected tensor bytes in the v2 binary layout, built from typed values.</summary>
internal static class LittleEndian
{
    public static byte[] Of<T>(params T[] values)
        where T : unmanaged
    {
        Assert.True(BitConverter.IsLittleEndian, "these tests assume a little-endian machine");
        return MemoryMarshal.AsBytes(values.AsSpan()).ToArray();
    }

    /// <summary>BYTES elements: each a 4-byte little-endian length, then its UTF-8 bytes.</summary>
    public static byte[] Strings(params string[] values)
    {
        var data = new List<byte>();
        foreach (var value in values)
        {
            var bytes = System.Text.Encoding.UTF8.GetBytes(value);
            data.AddRange(BitConverter.GetBytes(bytes.Length));
            data.AddRange(bytes);
        }

        return [.. data];
    }
}

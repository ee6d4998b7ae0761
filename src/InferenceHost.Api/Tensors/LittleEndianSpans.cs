using System.Runtime.InteropServices;

namespace InferenceHost.Api.Tensors;

/// <summary>
/// Reinterprets v2 tensor bytes as elements. The v2 layout is little-endian, as is every
/// platform .NET runs on today, so a cast replaces per-element byte swapping; a big-endian
/// host fails loudly here rather than corrupting tensors.
/// </summary>
internal static class LittleEndianSpans
{
    public static ReadOnlySpan<T> Cast<T>(ReadOnlySpan<byte> data)
        where T : unmanaged =>
        BitConverter.IsLittleEndian ? MemoryMarshal.Cast<byte, T>(data) : throw new PlatformNotSupportedException("InferenceHost needs a little-endian host.");

    public static Span<T> Cast<T>(Span<byte> data)
        where T : unmanaged =>
        BitConverter.IsLittleEndian ? MemoryMarshal.Cast<byte, T>(data) : throw new PlatformNotSupportedException("InferenceHost needs a little-endian host.");
}
